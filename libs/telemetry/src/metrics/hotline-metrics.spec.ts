import type { Counter, Gauge } from 'prom-client';
import {
  bulletins,
  countedSseStreams,
  countNotice,
  countStoredSms,
  dispatches,
  noticeFailed,
  notices,
  openTickets,
  redLights,
  reminders,
  sseConnections,
  ticketsLogged,
} from './hotline-metrics';
import { countLedgerEvents } from './ledger-event-counts';
import {
  countOpenTickets,
  isOpenTicket,
  type OpenTicketFacts,
  OpenTicketsGauge,
  type OpenTicketsSource,
} from './open-tickets';

/** A metric's value for one label set (0 when absent). */
async function sampleOf(metric: Counter | Gauge, labels: Record<string, string> = {}) {
  const { values } = await metric.get();
  const match = values.find((v) =>
    Object.entries(labels).every(([k, value]) => v.labels[k] === value),
  );
  return match?.value ?? 0;
}

beforeEach(() => {
  for (const metric of [ticketsLogged, dispatches, redLights, reminders, bulletins, notices]) {
    metric.reset();
  }
  openTickets.reset();
});

describe('countLedgerEvents', () => {
  const overdueAt = '2026-12-01T09:00:00.000Z';

  it('counts the figures of the events a ledger write inserted', async () => {
    countLedgerEvents({ type: 'complaint', overdueAt: null }, [
      { kind: 'created', at: new Date('2026-11-28T09:00:00Z') },
      { kind: 'proposed', at: new Date('2026-11-28T09:00:00Z') },
      { kind: 'dispatched', at: new Date('2026-11-28T09:01:00Z') },
    ]);
    countLedgerEvents({ type: 'complaint', overdueAt }, [
      { kind: 'overdue', at: overdueAt },
      { kind: 'reminded', at: '2026-12-01T10:00:00.000Z' },
      { kind: 'bulletined', at: '2026-12-02T10:00:00.000Z' },
      { kind: 'dispatched', at: '2026-12-03T10:00:00.000Z' },
    ]);
    expect(await sampleOf(ticketsLogged, { type: 'complaint' })).toBe(1);
    expect(await sampleOf(ticketsLogged, { type: 'petition' })).toBe(0);
    expect(await sampleOf(dispatches)).toBe(2);
    expect(await sampleOf(redLights)).toBe(1);
    expect(await sampleOf(reminders)).toBe(1);
    expect(await sampleOf(bulletins)).toBe(1);
  });

  it('takes the later overdue event (a reminder not sent in time) for no new red light', async () => {
    countLedgerEvents({ type: 'petition', overdueAt: new Date(overdueAt) }, [
      { kind: 'overdue', at: new Date('2026-12-02T09:00:00.000Z') },
    ]);
    expect(await sampleOf(redLights)).toBe(0);
  });

  it('counts nothing when nothing was inserted (a retried write)', async () => {
    countLedgerEvents({ type: 'complaint', overdueAt: null }, []);
    expect(await sampleOf(ticketsLogged, { type: 'complaint' })).toBe(0);
  });
});

describe('court_notices_total', () => {
  it('counts by channel and outcome', async () => {
    countNotice('inapp', 'sent');
    countStoredSms('sent');
    countStoredSms('failed');
    countStoredSms('queued');
    countStoredSms('held');
    const error = new Error('database down');
    expect(noticeFailed('inapp', error)).toBe(error);
    expect(await sampleOf(notices, { channel: 'inapp', outcome: 'sent' })).toBe(1);
    expect(await sampleOf(notices, { channel: 'inapp', outcome: 'failed' })).toBe(1);
    expect(await sampleOf(notices, { channel: 'sms', outcome: 'sent' })).toBe(1);
    expect(await sampleOf(notices, { channel: 'sms', outcome: 'failed' })).toBe(1);
  });
});

describe('court_sse_connections', () => {
  it('is the open streams of every counted set when scraped', async () => {
    const a = countedSseStreams(new Set<() => void>());
    const b = countedSseStreams(new Set<() => void>());
    const end = () => undefined;
    a.add(end);
    b.add(() => undefined);
    expect(await sampleOf(sseConnections)).toBe(2);
    a.delete(end);
    expect(await sampleOf(sseConnections)).toBe(1);
  });
});

function ticket(status: string | null, callbackDue = false): OpenTicketFacts {
  return { status, callbackDue };
}

function sourceOf(days: OpenTicketFacts[][], gate?: Promise<void>) {
  let reads = 0;
  const source: OpenTicketsSource = {
    async *read() {
      reads += 1;
      await gate;
      for (const day of days) yield day;
    },
  };
  return { source, reads: () => reads };
}

describe('open tickets', () => {
  it('is every ticket not closed, but a direct answer with no callback due', () => {
    expect(isOpenTicket(ticket('dispatched'))).toBe(true);
    expect(isOpenTicket(ticket('handled'))).toBe(true);
    expect(isOpenTicket(ticket('answered', true))).toBe(true);
    expect(isOpenTicket(ticket('answered', false))).toBe(false);
    expect(isOpenTicket(ticket('closed', true))).toBe(false);
    expect(isOpenTicket(ticket(null))).toBe(false);
  });

  it('counts per status over every day of the read model, each status from 0', async () => {
    const { source } = sourceOf([
      [ticket('overdue'), ticket('overdue'), ticket('closed')],
      [ticket('dispatched'), ticket('answered')],
    ]);
    const counts = await countOpenTickets(source);
    expect(counts.get('overdue')).toBe(2);
    expect(counts.get('dispatched')).toBe(1);
    expect(counts.get('bulletined')).toBe(0);
    expect(counts.has('closed')).toBe(false);
  });

  it('sets the gauge in the background, skipping a refresh while one runs', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const { source, reads } = sourceOf([[ticket('reminded')]], gate);
    const gauge = new OpenTicketsGauge(source);
    const first = gauge.refresh();
    const second = gauge.refresh();
    expect(second).toBe(first);
    open();
    await first;
    expect(reads()).toBe(1);
    expect(await sampleOf(openTickets, { status: 'reminded' })).toBe(1);
    expect(await sampleOf(openTickets, { status: 'overdue' })).toBe(0);
    await gauge.refresh();
    expect(reads()).toBe(2);
  });

  it('refreshes at most once a minute once the app is up, and stops with it', async () => {
    jest.useFakeTimers();
    try {
      const { source, reads } = sourceOf([[ticket('overdue')]]);
      const gauge = new OpenTicketsGauge(source);
      gauge.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(59_000);
      expect(reads()).toBe(1);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(reads()).toBe(2);
      await gauge.onApplicationShutdown();
      await jest.advanceTimersByTimeAsync(120_000);
      expect(reads()).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
