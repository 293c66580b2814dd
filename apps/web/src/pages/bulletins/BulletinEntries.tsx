import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { BulletinEntry } from '../../api/types';
import { formatTime } from '../../lib/time';

const time = (v: string | null) => formatTime(v) || '—';

const columns: TableColumnsType<BulletinEntry> = [
  {
    title: '工单编号',
    dataIndex: 'id',
    fixed: 'left',
    render: (id: string) => <Link to={`/tickets/${id}`}>{id}</Link>,
  },
  { title: '类型', dataIndex: 'typeLabel' },
  { title: '承办部门', dataIndex: 'departmentName', render: (v) => v ?? '—' },
  { title: '承办人', dataIndex: 'handlerName', render: (v) => v ?? '—' },
  { title: '反馈期限', dataIndex: 'feedbackBy', render: time },
  { title: '逾期时间', dataIndex: 'overdueAt', render: time },
  { title: '催办', dataIndex: 'reminders', render: (n: number) => `${n} 次` },
  { title: '通报时间', dataIndex: 'bulletinedAt', render: time },
  { title: '反馈时间', dataIndex: 'feedbackAt', render: (v) => formatTime(v) || '未反馈' },
];

/** The tickets a bulletin names. */
export function BulletinEntries({ entries, empty }: { entries: BulletinEntry[]; empty: string }) {
  return (
    <Table<BulletinEntry>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={entries}
      pagination={entries.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
    />
  );
}
