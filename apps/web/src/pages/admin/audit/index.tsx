import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Space, Table, type TableColumnsType, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { AuditEntry, AuditList } from '../../../api/types';
import { usePageTitle } from '../../../app/PageTitle';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatTime } from '../../../lib/time';
import { useCourtDirectory } from '../directory/useCourtDirectory';
import { apiJson } from '../shared/api-json';
import { isMissingEndpoint } from '../shared/missing-endpoint';
import { NotAvailable } from '../shared/NotAvailable';
import { AuditFilterBar } from './AuditFilterBar';
import { auditActionLabel } from './audit-actions';
import { AUDIT_PAGE_SIZE, auditApiPath, auditFiltersFrom, auditSearchOf } from './audit-filters';

const detailText = (detail: string | null | undefined) => detail || '—';

/** The filters as the address bar has them now (see the ledger page: a change builds on these). */
const currentFilters = () => auditFiltersFrom(new URLSearchParams(window.location.search));

export default function AuditPage() {
  usePageTitle('审计记录');
  const [search, setSearch] = useSearchParams();
  const filters = auditFiltersFrom(search);
  const directory = useCourtDirectory();
  const directoryPeople = directory.data?.people ?? [];
  const nameOf = (id: string) => {
    const person = directoryPeople.find((p) => p.id === id);
    return person ? `${person.name}（${id}）` : id;
  };
  const audit = useQuery({
    queryKey: ['audit', filters],
    placeholderData: keepPreviousData,
    queryFn: () => apiJson<AuditList>(auditApiPath(filters)),
    retry: (count, error) => !isMissingEndpoint(error, true) && count < 2,
  });
  // Accounts outside the directory (admins, telephony) can be chosen once they appear.
  const extraActors = [
    ...new Set([...(audit.data?.items ?? []).map((e) => e.actor), filters.actor ?? '']),
  ].filter((id) => id && !directoryPeople.some((p) => p.id === id));
  const people = [
    ...directoryPeople.map((p) => ({ id: p.id, name: p.name })),
    ...extraActors.map((id) => ({ id, name: id })),
  ];
  const unavailable = isMissingEndpoint(audit.error, true);

  const columns: TableColumnsType<AuditEntry> = [
    { title: '时间', dataIndex: 'at', width: 140, render: (v: string) => formatTime(v) },
    { title: '人员', dataIndex: 'actor', render: nameOf },
    {
      title: '操作',
      dataIndex: 'action',
      render: (action: string) => auditActionLabel(action),
    },
    {
      title: '工单',
      dataIndex: 'ticketId',
      render: (id?: string | null) => (id ? <Link to={`/tickets/${id}`}>{id}</Link> : '—'),
    },
    { title: '对象', dataIndex: 'target', render: (v) => v ?? '—' },
    { title: '详情', dataIndex: 'detail', render: detailText },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} className="aa-contrast">
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
          审计记录
        </Typography.Title>
        <Typography.Text className="text-muted">
          谁在何时查看了来电人完整号码，修改了账号、名录或日历，或改派了工单。
        </Typography.Text>
      </div>
      <Card size="small">
        <AuditFilterBar
          filters={filters}
          people={people}
          onChange={(change) =>
            setSearch(auditSearchOf({ ...currentFilters(), ...change, page: 1 }))
          }
          onClear={() => setSearch(new URLSearchParams())}
        />
      </Card>
      {unavailable ? (
        <NotAvailable what="审计记录" />
      ) : (
        <>
          <ErrorAlert error={audit.error} title="审计记录加载失败" />
          <Card size="small">
            <Table<AuditEntry>
              rowKey={(e) =>
                `${e.at}:${e.actor}:${e.action}:${e.ticketId ?? ''}:${e.target ?? ''}:${e.requestId ?? ''}`
              }
              size="small"
              columns={columns}
              dataSource={audit.data?.items ?? []}
              loading={audit.isFetching}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: '没有符合条件的记录，请调整人员、工单号或日期。' }}
              pagination={{
                current: filters.page,
                pageSize: AUDIT_PAGE_SIZE,
                total: audit.data?.total ?? 0,
                showSizeChanger: false,
                showTotal: (total) => `共 ${total} 条`,
                onChange: (page) => setSearch(auditSearchOf({ ...currentFilters(), page })),
              }}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
