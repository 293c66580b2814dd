import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { reporting, unwrap } from '../../api/client';
import { criteriaOf, type LedgerFilters } from './ledger-filters';

/** One page of the ledger; the previous page stays on screen while the next loads. */
export function useLedger(filters: LedgerFilters, enabled: boolean) {
  return useQuery({
    queryKey: ['tickets', 'ledger', filters],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        reporting.GET('/api/reports/ledger', {
          params: {
            query: {
              ...criteriaOf(filters),
              format: 'json',
              page: filters.page,
              limit: filters.limit,
            },
          },
        }),
      ),
  });
}
