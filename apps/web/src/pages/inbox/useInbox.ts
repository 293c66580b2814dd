import { useQuery } from '@tanstack/react-query';
import { intake, unwrap } from '../../api/client';
import type { operations } from '../../api/generated/intake';
import type { TicketPage, TicketView } from '../../api/types';
import { fetchTicket } from '../ticket/ticket-api';
import { type InboxViewer, inboxRequests, inboxRows } from './inbox-selection';

type SearchQuery = NonNullable<operations['TicketsController_search']['parameters']['query']>;

function search(query: SearchQuery): Promise<TicketPage> {
  return unwrap(intake.GET('/api/tickets', { params: { query } }));
}

/**
 * The tickets waiting on me. The key starts with `tickets`: every notice (a new dispatch, a
 * red light, an escalation) has the inbox read again without a reload.
 */
export function useInbox(viewer: InboxViewer, enabled: boolean) {
  return useQuery({
    queryKey: ['tickets', 'inbox', viewer.id, viewer.headOf],
    enabled,
    queryFn: async () => {
      const requests = inboxRequests(viewer);
      const results = await Promise.all(
        requests.map(async (r) => ({
          reason: r.reason,
          items: (await search(r.query as SearchQuery)).items,
        })),
      );
      const escalated = results.filter((r) => r.reason === 'escalation').flatMap((r) => r.items);
      const details = new Map<string, TicketView>();
      await Promise.all(
        escalated.map(async (item) => {
          const detail = await fetchTicket(item.id).catch(() => null);
          if (detail) details.set(item.id, detail);
        }),
      );
      return inboxRows(viewer, results, details);
    },
  });
}
