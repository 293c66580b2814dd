import { TICKET_STATUSES, TICKET_TYPES } from '@court/domain';
import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from './registry';

const registers = [metricsRegistry];

/** Written by the ticket worker's ledger activity, on the first insert of the ticket's `created` event. */
export const ticketsLogged = new Counter({
  name: 'court_tickets_logged_total',
  help: 'Tickets logged (登记工单), by ticket type',
  labelNames: ['type'],
  registers,
});

export const dispatches = new Counter({
  name: 'court_dispatches_total',
  help: 'Electronic work orders dispatched (派发), reassignments (改派) included',
  registers,
});

export const redLights = new Counter({
  name: 'court_red_lights_total',
  help: 'Tickets that turned overdue (逾期，红灯示警)',
  registers,
});

export const reminders = new Counter({
  name: 'court_reminders_total',
  help: 'Reminders sent (催办), by the workflow or an agent',
  registers,
});

export const bulletins = new Counter({
  name: 'court_bulletins_total',
  help: 'Tickets put on the bulletin (列入通报)',
  registers,
});

export const NOTICE_CHANNELS = ['sms', 'inapp'] as const;
export const NOTICE_OUTCOMES = ['sent', 'failed'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];
export type NoticeOutcome = (typeof NOTICE_OUTCOMES)[number];

export const notices = new Counter({
  name: 'court_notices_total',
  help: 'Notices by channel (sms, inapp) and outcome (sent, failed)',
  labelNames: ['channel', 'outcome'],
  registers,
});

/** Open SSE streams, summed over the sets handed to `countedSseStreams` when scraped. */
const sseStreamSets = new Set<ReadonlySet<unknown>>();

export const sseConnections = new Gauge({
  name: 'court_sse_connections',
  help: 'Open in-app notice streams (SSE)',
  registers,
  collect() {
    let open = 0;
    for (const streams of sseStreamSets) open += streams.size;
    this.set(open);
  },
});

export const openTickets = new Gauge({
  name: 'court_open_tickets',
  help: 'Tickets not yet finished, by status (reporting service, refreshed at most once a minute)',
  labelNames: ['status'],
  registers,
});

// Every series exists from the start at 0, so that rate() and increase() see the first one.
for (const type of TICKET_TYPES) ticketsLogged.labels(type).inc(0);
for (const channel of NOTICE_CHANNELS) {
  for (const outcome of NOTICE_OUTCOMES) notices.labels(channel, outcome).inc(0);
}

export function countNotice(channel: NoticeChannel, outcome: NoticeOutcome): void {
  notices.labels(channel, outcome).inc();
}

/** Counts a failed notice and hands the error back to be thrown: `throw noticeFailed('inapp', e)`. */
export function noticeFailed(channel: NoticeChannel, error: unknown): unknown {
  countNotice(channel, 'failed');
  return error;
}

/** An SMS stored with its outcome already final (the outbox sends on insert; no phone fails). */
export function countStoredSms(status: string): void {
  if (status === 'sent') countNotice('sms', 'sent');
  else if (status === 'failed') countNotice('sms', 'failed');
}

/** The set a controller keeps its open streams in, counted by `court_sse_connections`. */
export function countedSseStreams<T extends Set<unknown>>(streams: T): T {
  sseStreamSets.add(streams);
  return streams;
}

/** The statuses `court_open_tickets` reports (every status but closed), each from 0. */
export const OPEN_STATUSES = TICKET_STATUSES.filter((status) => status !== 'closed');
