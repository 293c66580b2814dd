import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { intake, unwrap } from '../../api/client';
import type { operations } from '../../api/generated/intake';
import type { TicketPage } from '../../api/types';
import type { TicketQuery } from './search-filters';

type SearchQuery = NonNullable<operations['TicketsController_search']['parameters']['query']>;

/** One page of `GET /api/tickets`; the previous page stays on screen while the next loads. */
export function useTicketSearch(query: TicketQuery) {
  return useQuery({
    queryKey: ['tickets', 'search', query],
    queryFn: (): Promise<TicketPage> =>
      unwrap(intake.GET('/api/tickets', { params: { query: query as SearchQuery } })),
    placeholderData: keepPreviousData,
  });
}
