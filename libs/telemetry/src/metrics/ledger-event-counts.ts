import { bulletins, dispatches, redLights, reminders, ticketsLogged } from './hotline-metrics';

/** A timeline event as the ledger stored it (dates may arrive as ISO strings from a workflow). */
export interface StoredTicketEvent {
  kind: string;
  at: Date | string;
}

export interface TicketOfEvents {
  type: string;
  overdueAt?: Date | string | null;
}

const time = (at: Date | string | null | undefined) =>
  at === null || at === undefined ? Number.NaN : new Date(at).getTime();

/**
 * Counts the hotline's figures from the timeline events a ledger write actually inserted (a
 * retried activity inserts nothing twice, so nothing is counted twice). A red light is the
 * `overdue` event at the ticket's `overdueAt`: the later `overdue` event (a reminder not sent
 * in time) is no new red light.
 */
export function countLedgerEvents(
  ticket: TicketOfEvents,
  inserted: readonly StoredTicketEvent[],
): void {
  for (const event of inserted) {
    switch (event.kind) {
      case 'created':
        ticketsLogged.labels(ticket.type).inc();
        break;
      case 'dispatched':
        dispatches.inc();
        break;
      case 'overdue':
        if (time(event.at) === time(ticket.overdueAt)) redLights.inc();
        break;
      case 'reminded':
        reminders.inc();
        break;
      case 'bulletined':
        bulletins.inc();
        break;
    }
  }
}
