import { useQuery } from '@tanstack/react-query';
import { fetchTicket } from './ticket-api';

/** One ticket; the notice stream invalidates `['ticket', id]`, so the page follows it live. */
export function useTicket(id: string) {
  return useQuery({ queryKey: ['ticket', id], queryFn: () => fetchTicket(id) });
}
