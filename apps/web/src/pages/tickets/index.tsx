import { Card, Empty, Form, Grid, Pagination, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useDirectory } from '../../api/useDirectory';
import { usePageTitle } from '../../app/PageTitle';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiForm } from '../../components/useApiForm';
import { personName } from '../ticket/directory';
import { ResultsTable } from './ResultsTable';
import { SearchForm, type SearchFormValues } from './SearchForm';
import {
  DEFAULT_PAGE_SIZE,
  filtersFromUrl,
  filtersToUrl,
  hasFilters,
  PAGE_SIZES,
  type SearchFilters,
  ticketIdOf,
  toApiQuery,
} from './search-filters';
import { TicketCard } from './TicketCard';
import { useTicketSearch } from './useTicketSearch';
import './ticket-list.css';

const API_FIELDS = ['phone', 'caseNumber', 'from', 'to', 'status', 'type', 'redLight'];

function filtersOfForm(values: SearchFormValues, pageSize: number): SearchFilters {
  const text = (value: string | undefined) => value?.trim() || undefined;
  return {
    q: text(values.q),
    phone: text(values.phone),
    caseNumber: text(values.caseNumber),
    status: values.status,
    type: values.type,
    redLight: values.redLight,
    from: values.from?.format('YYYY-MM-DD'),
    to: values.to?.format('YYYY-MM-DD'),
    page: 1,
    pageSize,
  };
}

export default function TicketsPage() {
  usePageTitle('工单查询');
  const location = useLocation();
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<SearchFormValues>();
  const api = useApiForm(form, API_FIELDS);
  const filters = useMemo(
    () => filtersFromUrl(new URLSearchParams(location.search)),
    [location.search],
  );
  const query = toApiQuery(filters);
  const search = useTicketSearch(query);
  const directory = useDirectory();

  const { show, clear } = api;
  // biome-ignore lint/correctness/useExhaustiveDependencies: show/clear change every render; the error is what matters
  useEffect(() => {
    if (search.error) show(search.error);
    else clear();
  }, [search.error]);

  const go = (next: SearchFilters) => {
    const params = filtersToUrl(next).toString();
    navigate({ pathname: '/tickets', search: params ? `?${params}` : '' });
  };

  const onSearch = (values: SearchFormValues) => {
    const ticketId = ticketIdOf(values.ticketId) ?? ticketIdOf(values.q);
    if (ticketId) {
      navigate(`/tickets/${ticketId}`);
      return;
    }
    go(filtersOfForm(values, filters.pageSize));
  };

  const items = search.data?.items ?? [];
  const total = search.data?.total ?? 0;

  return (
    <div className="tickets-page">
      <Typography.Title level={1} className="page-title">
        工单查询
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <SearchForm
          form={form}
          filters={filters}
          onSearch={onSearch}
          onReset={() => go({ page: 1, pageSize: filters.pageSize })}
        />
      </Card>
      <ErrorAlert error={api.formError} />
      <section aria-labelledby="tickets-results-title">
        <div className="tickets-results-head">
          <Typography.Title level={2} id="tickets-results-title" className="section-title">
            查询结果
          </Typography.Title>
          <Typography.Text type="secondary" aria-live="polite">
            {search.isPending ? '正在查询…' : search.isError ? '' : `共 ${total} 条`}
          </Typography.Text>
        </div>
        {search.isError ? (
          <Typography.Paragraph type="secondary">
            请按提示修改查询条件后重新查询。
          </Typography.Paragraph>
        ) : !search.isPending && items.length === 0 ? (
          <Empty
            description={
              hasFilters(filters)
                ? '没有符合条件的工单。可放宽条件（如清除状态或日期）后重新查询。'
                : '还没有工单。座席员登记来电后，工单会出现在这里。'
            }
          />
        ) : narrow ? (
          <ul className="ticket-cards" aria-busy={search.isFetching}>
            {items.map((item) => (
              <li key={item.id}>
                <TicketCard item={item} />
              </li>
            ))}
          </ul>
        ) : (
          <ResultsTable
            items={items}
            loading={search.isPending || search.isFetching}
            nameOf={(personId) => personName(directory.data, personId)}
          />
        )}
        {total > 0 && !search.isError && (
          <Pagination
            className="tickets-pagination"
            current={filters.page}
            pageSize={filters.pageSize}
            total={total}
            pageSizeOptions={PAGE_SIZES.map(String)}
            showSizeChanger={!narrow}
            simple={narrow}
            onChange={(page, pageSize) =>
              go({
                ...filters,
                page: pageSize !== filters.pageSize ? 1 : page,
                pageSize: pageSize || DEFAULT_PAGE_SIZE,
              })
            }
          />
        )}
      </section>
    </div>
  );
}
