import { Table, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import { Deadline } from '../../components/Deadline';
import { Light } from '../../components/Light';
import { labelOf, STATUS_LABELS, TYPE_LABELS } from '../../lib/labels';
import { lightInputOf } from '../tickets/list-item';
import { type InboxRow, REASON_LABELS } from './inbox-selection';

export function ReasonTags({ row }: { row: InboxRow }) {
  return (
    <>
      {row.reasons.map((reason) => (
        <Tag key={reason} color={reason === 'escalation' ? 'red' : 'blue'}>
          {REASON_LABELS[reason]}
        </Tag>
      ))}
    </>
  );
}

const COLUMNS: TableColumnsType<InboxRow> = [
  {
    title: '工单号',
    key: 'id',
    render: (_, row) => (
      <Link to={`/tickets/${row.item.id}`} className="ticket-id-link">
        {row.item.id}
      </Link>
    ),
  },
  {
    title: '灯',
    key: 'light',
    render: (_, row) => <Light ticket={lightInputOf(row.item)} />,
  },
  {
    title: '反馈期限',
    key: 'feedbackBy',
    render: (_, row) => <Deadline at={row.item.deadlines.feedbackBy} />,
  },
  { title: '类型', key: 'type', render: (_, row) => labelOf(TYPE_LABELS, row.item.type) },
  { title: '来电人', key: 'caller', render: (_, row) => row.item.caller.name || '—' },
  { title: '案号', key: 'case', render: (_, row) => row.item.caseNumber ?? '—' },
  { title: '状态', key: 'status', render: (_, row) => labelOf(STATUS_LABELS, row.item.status) },
  { title: '事由', key: 'reason', render: (_, row) => <ReasonTags row={row} /> },
];

/** The inbox on a desk. */
export function InboxTable({ rows }: { rows: InboxRow[] }) {
  return (
    <Table<InboxRow>
      rowKey={(row) => row.item.id}
      size="middle"
      columns={COLUMNS}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
