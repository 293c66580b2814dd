import { Card, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/PageTitle';
import { hasRole } from '../../auth/session';
import { useSession } from '../../auth/useSession';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCourtDirectory } from '../admin/directory/useCourtDirectory';
import { ExportPanel } from './ExportPanel';
import { LedgerFilterBar } from './LedgerFilterBar';
import { LedgerTable } from './LedgerTable';
import {
  criteriaOf,
  DEFAULT_PAGE_SIZE,
  filtersFromSearch,
  rangeProblem,
  searchFromFilters,
  withFilter,
} from './ledger-filters';
import { useLedger } from './useLedger';
import './ledger.css';

/**
 * The filters as the address bar has them now. A change builds on these, not on the last
 * render's: the router renders a URL change a moment later, and a second filter chosen in that
 * moment would otherwise drop the first.
 */
const currentFilters = () => filtersFromSearch(new URLSearchParams(window.location.search));

export default function LedgerPage() {
  usePageTitle('台账');
  const session = useSession();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const directory = useCourtDirectory();
  const readsAll = hasRole(session?.user, 'supervisor', 'leader', 'admin');
  const ownDepartment = readsAll ? null : (session?.user.departmentId ?? null);
  const valid = !rangeProblem(filters);
  const ledger = useLedger(filters, valid);
  const filtered = Object.keys(criteriaOf(filters)).length > 0;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} className="aa-contrast">
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
          台账
        </Typography.Title>
        <Typography.Text className="text-muted">
          按受理时间（上海时间，结束日期含当天）、类型、状态和承办部门筛选；导出的 Excel
          包含全部符合条件的工单。
        </Typography.Text>
      </div>
      <Card size="small">
        <LedgerFilterBar
          filters={filters}
          departments={directory.data?.departments ?? []}
          departmentsLoading={directory.isPending}
          ownDepartment={ownDepartment}
          onChange={(change) => setSearch(searchFromFilters(withFilter(currentFilters(), change)))}
          onClear={() => setSearch(new URLSearchParams())}
        />
        <ExportPanel filters={filters} disabled={!valid} />
      </Card>
      <ErrorAlert error={ledger.error} title="台账加载失败" />
      <ErrorAlert error={directory.error} title="部门列表加载失败" />
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>工单台账</h2>}>
        <LedgerTable
          data={valid ? ledger.data : undefined}
          loading={valid && ledger.isFetching}
          page={filters.page}
          limit={filters.limit}
          filtered={filtered}
          onPage={(page, limit) =>
            setSearch(
              searchFromFilters({
                ...currentFilters(),
                page: limit === filters.limit ? page : 1,
                limit: limit || DEFAULT_PAGE_SIZE,
              }),
            )
          }
        />
      </Card>
    </Space>
  );
}
