/** The ticket's endpoints (API.md), each answering the ticket as it is afterwards. */
import { intake, unwrap } from '../../api/client';
import type { TicketView } from '../../api/types';

const path = (id: string) => ({ params: { path: { id } } });
type Note = { note?: string | null };

export const fetchTicket = (id: string): Promise<TicketView> =>
  unwrap(intake.GET('/api/tickets/{id}', path(id)));

export const submitFeedback = (id: string, body: { result: string }): Promise<TicketView> =>
  unwrap(intake.POST('/api/tickets/{id}/feedback', { ...path(id), body }));

export const acknowledgeEscalation = (id: string, body: Note): Promise<TicketView> =>
  unwrap(intake.POST('/api/tickets/{id}/acknowledge', { ...path(id), body }));

export const sendReminder = (id: string, body: Note): Promise<TicketView> =>
  unwrap(intake.POST('/api/tickets/{id}/reminders', { ...path(id), body }));

export const recordRepeatCall = (
  id: string,
  body: { note: string | null; notHandledInTime: boolean },
): Promise<TicketView> =>
  unwrap(intake.POST('/api/tickets/{id}/repeat-calls', { ...path(id), body }));

export const recordCallback = (
  id: string,
  body: { reached: boolean; satisfied: boolean | null; note: string | null },
): Promise<TicketView> => unwrap(intake.POST('/api/tickets/{id}/callback', { ...path(id), body }));
