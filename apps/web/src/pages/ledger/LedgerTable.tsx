import { Empty, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { LedgerPage, LedgerRow } from '../../api/types';
import { formatTime } from '../../lib/time';
import { PAGE_SIZES } from './ledger-filters';

const time = (value: string | null) => formatTime(value) || '—';

function callerText(caller: LedgerRow['caller']): string {
  if (!caller) return '—';
  return caller.phone ? `${caller.name} ${caller.phone}` : caller.name;
}

function dispositionText(disposition: LedgerRow['disposition']): string {
  if (!disposition) return '—';
  return disposition.ruleName
    ? `${disposition.actionLabel}（${disposition.ruleName}）`
    : disposition.actionLabel;
}

const columns: TableColumnsType<LedgerRow> = [
  {
    title: '工单编号',
    dataIndex: 'id',
    fixed: 'left',
    width: 150,
    render: (id: string) => <Link to={`/tickets/${id}`}>{id}</Link>,
  },
  { title: '受理时间', dataIndex: 'receivedAt', width: 140, render: time },
  { title: '类型', dataIndex: 'typeLabel', width: 90 },
  { title: '来电人', width: 120, render: (_, row) => callerText(row.caller) },
  {
    title: '来电内容',
    dataIndex: 'contentSummary',
    width: 220,
    ellipsis: { showTitle: true },
  },
  {
    title: '处理方式',
    width: 150,
    render: (_, row) => dispositionText(row.disposition),
  },
  { title: '承办部门', width: 150, render: (_, row) => row.department?.name ?? '—' },
  { title: '承办人', width: 90, render: (_, row) => row.handler?.name ?? '—' },
  {
    title: '状态',
    width: 130,
    render: (_, row) => (
      <span>
        {row.statusLabel}
        {row.redLight && (
          <Tag className="light-red" variant="filled" style={{ marginInlineStart: 6 }}>
            红灯
          </Tag>
        )}
      </span>
    ),
  },
  { title: '反馈期限', dataIndex: 'feedbackBy', width: 140, render: time },
  {
    title: '反馈情况',
    width: 180,
    ellipsis: { showTitle: true },
    render: (_, row) => row.feedback?.result ?? '未反馈',
  },
  {
    title: '催办',
    dataIndex: 'reminders',
    width: 70,
    render: (n: number) => (n ? `${n} 次` : '—'),
  },
  { title: '通报时间', dataIndex: 'bulletinedAt', width: 140, render: time },
  { title: '回访', dataIndex: 'callbackResult', width: 110, render: (v) => v ?? '—' },
];

/** The ledger, one server page at a time; wide, so it scrolls inside its own box. */
export function LedgerTable({
  data,
  loading,
  page,
  limit,
  filtered,
  onPage,
}: {
  data: LedgerPage | undefined;
  loading: boolean;
  page: number;
  limit: number;
  filtered: boolean;
  onPage: (page: number, limit: number) => void;
}) {
  return (
    <Table<LedgerRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 1740 }}
      sticky
      locale={{
        emptyText: loading ? (
          <div style={{ height: 160 }} />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              filtered
                ? '没有符合筛选条件的工单，请放宽日期范围或清除筛选。'
                : '台账中还没有工单；座席员登记来电后会自动记入台账。'
            }
          />
        ),
      }}
      pagination={{
        current: page,
        pageSize: limit,
        total: data?.total ?? 0,
        pageSizeOptions: PAGE_SIZES.map(String),
        showSizeChanger: true,
        showTotal: (total) => <Typography.Text>共 {total} 件</Typography.Text>,
        onChange: onPage,
        responsive: true,
      }}
    />
  );
}
