import { Card, Empty, Skeleton, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useDirectory } from '../../api/useDirectory';
import { ErrorAlert } from '../../components/ErrorAlert';
import { labelOf, TYPE_LABELS } from '../../lib/labels';
import { formatTime } from '../../lib/time';
import {
  acceptWithinText,
  pastDue,
  UNACCEPTED_ANCHOR,
  UNACCEPTED_LIST_LIMIT,
  type UnacceptedTicket,
} from './unaccepted';
import { useUnaccepted } from './useDashboardData';

/** The transfers not accepted in time, longest past due first, each a link to its page. */
export function UnacceptedList({ now }: { now: number }) {
  const unaccepted = useUnaccepted();
  const directory = useDirectory();
  const person = (id: string | null) =>
    id ? (directory.data?.people.find((p) => p.id === id)?.name ?? id) : '—';
  const department = (id: string | null) =>
    id ? (directory.data?.departments.find((d) => d.id === id)?.name ?? id) : '—';
  const items = unaccepted.data?.items ?? [];
  const total = unaccepted.data?.total ?? 0;
  const within = unaccepted.data ? acceptWithinText(unaccepted.data.acceptWithin) : null;

  return (
    <Card
      size="small"
      title={
        <h2 id={UNACCEPTED_ANCHOR} className="dash-card-title">
          未签收工单
        </h2>
      }
      extra={within ? <span className="text-muted">签收时限：{within}</span> : null}
    >
      <ErrorAlert error={unaccepted.error} />
      {unaccepted.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="目前没有超时未签收的工单。转办后承办人超过签收时限仍未签收的，会出现在这里。"
        />
      ) : (
        <Table<UnacceptedTicket>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={items}
          columns={[
            {
              title: '工单编号',
              dataIndex: 'id',
              render: (id: string) => (
                <Link to={`/tickets/${id}`} className="dash-red-id">
                  {id}
                </Link>
              ),
            },
            {
              title: '类型',
              dataIndex: 'type',
              render: (type: string) => labelOf(TYPE_LABELS, type),
            },
            { title: '承办人', dataIndex: 'handlerId', render: person },
            { title: '承办部门', dataIndex: 'departmentId', render: department },
            { title: '转办时间', dataIndex: 'dispatchedAt', render: formatTime },
            { title: '应签收时间', dataIndex: 'acceptBy', render: formatTime },
            {
              title: '已超时',
              key: 'pastDue',
              render: (_: unknown, t: UnacceptedTicket) => pastDue(t.acceptBy, now),
            },
          ]}
        />
      )}
      {total > items.length && (
        <Typography.Paragraph className="text-muted" style={{ marginTop: 8, marginBottom: 0 }}>
          共 {total} 件，仅显示超时最久的 {items.length} 件（上限 {UNACCEPTED_LIST_LIMIT}）。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
