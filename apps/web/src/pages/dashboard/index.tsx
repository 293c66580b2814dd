import { Space, Typography } from 'antd';
import { useState } from 'react';
import { usePageTitle } from '../../app/PageTitle';
import { useNow } from '../../components/useNow';
import { CountTiles } from './CountTiles';
import { DashboardCharts } from './DashboardCharts';
import { RedTicketList } from './RedTicketList';
import { UnacceptedList } from './UnacceptedList';
import { shanghaiDaysAgo } from './weeks';
import './dashboard.css';

/** Days of tickets the type and department charts cover. */
const CHART_DAYS = 30;

export default function DashboardPage() {
  usePageTitle('总览');
  const now = useNow();
  // Fixed for the visit, so the chart queries keep their keys while the clock moves.
  const [opened] = useState(() => Date.now());
  const from = shanghaiDaysAgo(opened, CHART_DAYS - 1);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} className="aa-contrast">
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
          总览
        </Typography.Title>
        <Typography.Text className="text-muted">
          实时统计在办工单；点击数字查看对应的工单清单。
        </Typography.Text>
      </div>
      <CountTiles now={now} />
      <RedTicketList />
      <UnacceptedList now={now} />
      <DashboardCharts from={from} now={opened} />
    </Space>
  );
}
