import { Card, Col, Form, Row, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useId, useMemo, useState } from 'react';
import { usePageTitle } from '../../../app/PageTitle';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { COURT_ZONE } from '../../../lib/time';
import { isMissingEndpoint } from '../shared/missing-endpoint';
import { NotAvailable } from '../shared/NotAvailable';
import { useCalendarYear } from './calendar-api';
import { yearLayout, yearTotals } from './calendar-layout';
import { ImportSchedule } from './ImportSchedule';
import { MonthGrid } from './MonthGrid';
import './calendar.css';

/** Tag colours with AA contrast (antd's orange text on its tint falls short). */
const PROVISIONAL_TAG = { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' };
const OFFICIAL_TAG = { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' };

const thisYear = () => dayjs().tz(COURT_ZONE).year();

function Legend() {
  const items: [string, string][] = [
    ['#fff', '工作日'],
    ['#fafafa', '周末'],
    ['#cf1322', '节假日（休）'],
    ['#fff1b8', '调休上班（班）'],
  ];
  return (
    <div className="cal-legend" aria-hidden="true">
      {items.map(([color, text]) => (
        <span key={text}>
          <span className="cal-swatch" style={{ background: color }} />
          {text}
        </span>
      ))}
    </div>
  );
}

export default function CalendarPage() {
  usePageTitle('法院日历');
  const [year, setYear] = useState(thisYear);
  const yearId = useId();
  const calendar = useCalendarYear(year);
  const unavailable = isMissingEndpoint(calendar.error, true);
  const days = calendar.data?.days;
  const months = useMemo(() => yearLayout(year, days ?? []), [year, days]);
  const totals = yearTotals(months);
  const official = calendar.data?.status === 'official';
  const years = Array.from({ length: 5 }, (_, i) => thisYear() - 2 + i);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} className="aa-contrast">
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
          法院日历
        </Typography.Title>
        <Typography.Text className="text-muted">
          节假日和调休上班日决定“工作日”期限（留言处理、催办、通报）的计算。
        </Typography.Text>
      </div>
      {unavailable && <NotAvailable what="法院日历" compact />}
      <ErrorAlert error={unavailable ? null : calendar.error} title="日历加载失败" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={
              <Space wrap>
                <h2 style={{ fontSize: 16, margin: 0 }}>{year} 年</h2>
                {calendar.data &&
                  (official ? (
                    <Tag style={OFFICIAL_TAG}>正式（第 {calendar.data.version} 版）</Tag>
                  ) : (
                    <Tag style={PROVISIONAL_TAG}>暂定</Tag>
                  ))}
                {unavailable && <Tag style={PROVISIONAL_TAG}>暂定</Tag>}
              </Space>
            }
            extra={
              <Form.Item label="年份" htmlFor={yearId} style={{ margin: 0 }}>
                <Select
                  id={yearId}
                  value={year}
                  onChange={setYear}
                  options={years.map((y) => ({ value: y, label: `${y} 年` }))}
                  style={{ width: 110 }}
                />
              </Form.Item>
            }
          >
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {official && calendar.data && (
                <Typography.Text className="text-muted">
                  {calendar.data.source === 'import'
                    ? `管理员 ${calendar.data.importedBy ?? ''} 于 ${
                        calendar.data.importedAt
                          ? dayjs(calendar.data.importedAt)
                              .tz(COURT_ZONE)
                              .format('YYYY-MM-DD HH:mm')
                          : ''
                      } 导入${calendar.data.note ? `：${calendar.data.note}` : ''}`
                    : '随系统附带的国务院办公厅放假安排。'}
                </Typography.Text>
              )}
              {!official && (
                <Typography.Text className="text-muted">
                  {unavailable
                    ? '下图仅按周一至周五上班推算，未含节假日和调休。'
                    : '本年度尚未导入官方放假安排，暂按已知安排和周末推算；请在官方安排公布后导入。'}
                </Typography.Text>
              )}
              <div className="cal-summary">
                <Legend />
                <Typography.Text>
                  全年工作日 {totals.working} 天，休息日 {totals.off} 天
                </Typography.Text>
              </div>
              <div className="cal-months" aria-busy={calendar.isPending}>
                {months.map((m) => (
                  <MonthGrid key={m.month} year={year} layout={m} />
                ))}
              </div>
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>导入官方安排</h2>}>
            <ImportSchedule key={year} year={year} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
