import { Table, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import type { TicketListItem } from '../../api/types';
import { Deadline } from '../../components/Deadline';
import { Light } from '../../components/Light';
import { labelOf, STATUS_LABELS, TYPE_LABELS } from '../../lib/labels';
import { formatTime } from '../../lib/time';
import { currentDeadline, lightInputOf } from './list-item';

const columns = (nameOf: (id: string) => string): TableColumnsType<TicketListItem> => [
  {
    title: '工单号',
    dataIndex: 'id',
    render: (id: string) => (
      <Link to={`/tickets/${id}`} className="ticket-id-link">
        {id}
      </Link>
    ),
  },
  { title: '受理时间', dataIndex: 'receivedAt', render: (at: string | null) => formatTime(at) },
  { title: '类型', dataIndex: 'type', render: (type: string) => labelOf(TYPE_LABELS, type) },
  { title: '来电人', key: 'caller', render: (_, item) => item.caller.name },
  { title: '来电号码', key: 'phone', render: (_, item) => item.caller.phone },
  { title: '案号', dataIndex: 'caseNumber', render: (n: string | null) => n ?? '—' },
  {
    title: '状态',
    key: 'status',
    render: (_, item) => (
      <span className="nowrap">
        <Tag>{labelOf(STATUS_LABELS, item.status)}</Tag>
        <Light ticket={lightInputOf(item)} />
      </span>
    ),
  },
  {
    title: '承办',
    key: 'target',
    // The handler of a transfer (also of an escalated one), else whom the disposition names.
    render: (_, item) =>
      item.handlerId ? nameOf(item.handlerId) : (item.disposition?.target?.name ?? '—'),
  },
  {
    title: '当前期限',
    key: 'deadline',
    render: (_, item) => {
      const deadline = currentDeadline(item);
      return deadline ? (
        <span>
          <span className="deadline-label">{deadline.label}</span>
          <Deadline at={deadline.at} />
        </span>
      ) : (
        '—'
      );
    },
  },
];

/** The results on a desk: a table; the paging is the server's. */
export function ResultsTable({
  items,
  loading,
  nameOf,
}: {
  items: TicketListItem[];
  loading: boolean;
  nameOf: (personId: string) => string;
}) {
  return (
    <Table<TicketListItem>
      rowKey="id"
      size="middle"
      columns={columns(nameOf)}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
