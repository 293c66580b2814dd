import { Col, Row } from 'antd';
import { lazy, useMemo } from 'react';
import { ChartCard } from './ChartCard';
import { barRows, barSummary, trendSummary } from './chart-data';
import { TREND_WEEKS, useFeedbackTrend, useMetrics } from './useDashboardData';

const BarChartView = lazy(() => import('./charts/BarChartView'));
const TrendChartView = lazy(() => import('./charts/TrendChartView'));

const BAR_HEIGHT = 260;
const TREND_HEIGHT = 240;

/** Tickets by type and by department over `from`…now, and the weekly on-time feedback rate. */
export function DashboardCharts({ from, now }: { from: string; now: number }) {
  const metrics = useMetrics(from);
  const trend = useFeedbackTrend(now);
  const byType = useMemo(() => barRows(metrics.data?.byType), [metrics.data]);
  const byDepartment = useMemo(() => barRows(metrics.data?.byDepartment), [metrics.data]);
  const period = `${from} 起`;
  const noTickets = '这段时间还没有受理工单；登记来电后这里会显示分布。';
  const typeTitle = '按类型分布';
  const departmentTitle = '按承办部门分布';
  const trendTitle = '按时反馈率';

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <ChartCard
          title={typeTitle}
          extra={period}
          height={BAR_HEIGHT}
          loading={metrics.isPending}
          error={metrics.error}
          empty={byType.length === 0 ? noTickets : null}
        >
          <BarChartView
            rows={byType}
            height={BAR_HEIGHT}
            color="#1677ff"
            label={barSummary(`${typeTitle}（${period}）`, byType)}
          />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={departmentTitle}
          extra={period}
          height={BAR_HEIGHT}
          loading={metrics.isPending}
          error={metrics.error}
          empty={
            byDepartment.length === 0
              ? '这段时间还没有转办到部门的工单；转办后这里会显示分布。'
              : null
          }
        >
          <BarChartView
            rows={byDepartment}
            height={BAR_HEIGHT}
            color="#8b1a1a"
            label={barSummary(`${departmentTitle}（${period}）`, byDepartment)}
          />
        </ChartCard>
      </Col>
      <Col xs={24}>
        <ChartCard
          title={trendTitle}
          extra={`近 ${TREND_WEEKS} 周，按受理周计`}
          height={TREND_HEIGHT}
          loading={trend.isPending}
          error={trend.error}
          empty={
            trend.points.every((p) => p.rate === null)
              ? '近几周还没有到期应反馈的工单，暂无按时反馈率。'
              : null
          }
        >
          <TrendChartView
            points={trend.points}
            height={TREND_HEIGHT}
            label={trendSummary(`${trendTitle}（近 ${TREND_WEEKS} 周）`, trend.points)}
          />
        </ChartCard>
      </Col>
    </Row>
  );
}
