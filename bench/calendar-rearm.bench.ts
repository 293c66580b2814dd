/**
 * Calendar re-arm benchmark, against the running embedded stack (`npm start`): loopback only,
 * bounded.
 *
 * Starts BENCH_TICKETS open tickets (default 1000, at most 5000) directly on the dev server
 * (petitions, dispatched at once, with a feedback window of 3 working days so that each has a
 * working-day deadline), waits until every one has it, then re-imports the current year's
 * calendar unchanged (`GET` then `PUT /api/calendar/:year` as admin: version + 1, the same
 * days) and measures
 *   - how long the `PUT` takes to answer (it answers once the import is stored), and
 *   - the time from the `PUT` until every ticket has recomputed its deadlines
 *     (`deadline_recomputed` in its timeline, read with the `getTicket` query).
 *
 * The re-import leaves the calendar as it was (only its version moves). Bench tickets are marked
 * `BENCHCAL…` and terminated at the end (their ledger entries and dispatch notices stay in the
 * dev database). Settings: BENCH_INTAKE_URL (default http://127.0.0.1:3000), BENCH_ADMIN_USER /
 * BENCH_ADMIN_PASSWORD (default admin / DEMO_PASSWORD or demo12368), TICKETS_TASK_QUEUE
 * (default `tickets`), TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE.
 */
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { loadServiceConfig } from '../libs/config/src';
import { parsePolicy, shanghaiDate } from '../libs/domain/src';
import { TASK_QUEUES } from '../libs/temporal/src';
import { getTicketQuery, ticketWorkflowOptions } from '../workflows/ticket/contract';
import { petitionTicket } from './bench-kit';
import { stackDataConverter } from './stack-data-converter';

const TICKETS = Math.max(1, Math.min(Number(process.env.BENCH_TICKETS ?? 1000), 5000));
const CONCURRENCY = 32;
const INTAKE_URL = process.env.BENCH_INTAKE_URL ?? 'http://127.0.0.1:3000';
const TASK_QUEUE = process.env.TICKETS_TASK_QUEUE?.trim() || TASK_QUEUES.tickets;
/** Give up waiting after this long (the contract: re-armed within a minute). */
const TIMEOUT_MS = 5 * 60_000;

async function api<T>(path: string, init: { method?: string; token?: string; body?: unknown }) {
  const response = await fetch(`${INTAKE_URL}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Runs `work` over `items` with at most CONCURRENCY at once. */
async function pool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function main(): Promise<void> {
  const config = loadServiceConfig();
  const login = await api<{ accessToken: string }>('/api/auth/login', {
    method: 'POST',
    body: {
      username: process.env.BENCH_ADMIN_USER ?? 'admin',
      password: process.env.BENCH_ADMIN_PASSWORD ?? process.env.DEMO_PASSWORD ?? 'demo12368',
    },
  });
  const token = login.accessToken;
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter: stackDataConverter(),
  });
  const policy = parsePolicy({ POLICY_FEEDBACK_WITHIN: '3wd', NOTIFY_QUIET_HOURS: 'off' });
  const run = Date.now().toString(36).toUpperCase();
  const handles: WorkflowHandle[] = [];

  try {
    let started = performance.now();
    await pool(
      Array.from({ length: TICKETS }, (_, i) => i),
      async (i) => {
        const input = petitionTicket(`BENCHCAL${run}${String(i).padStart(4, '0')}`, policy);
        handles.push(
          await client.workflow.start('ticketWorkflow', ticketWorkflowOptions(input, TASK_QUEUE)),
        );
      },
    );
    console.log(
      `started ${TICKETS} tickets in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // Every ticket has its working-day deadline before the import.
    started = performance.now();
    const pending = new Set(handles);
    while (pending.size > 0) {
      if (performance.now() - started > TIMEOUT_MS) throw new Error('tickets not dispatched');
      await pool([...pending], async (handle) => {
        const view = await handle.query(getTicketQuery).catch(() => null);
        if (view?.deadlines.feedbackBy) pending.delete(handle);
      });
    }
    console.log(
      `all ${TICKETS} dispatched with feedbackBy (3wd) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // Re-import the current year unchanged: version + 1, every open ticket re-arms.
    const year = Number(shanghaiDate(new Date()).slice(0, 4));
    const current = await api<{ version: number; days: unknown[] }>(`/api/calendar/${year}`, {
      token,
    });
    const putStarted = performance.now();
    const imported = await api<{ version: number; rearm?: { calendarVersion: number } }>(
      `/api/calendar/${year}`,
      {
        method: 'PUT',
        token,
        body: { days: current.days, note: `基准测试：原样重新导入（${run}）` },
      },
    );
    const putMs = performance.now() - putStarted;
    console.log(
      `PUT /api/calendar/${year}: version ${current.version} → ${imported.version}, ` +
        `calendar version ${imported.rearm?.calendarVersion ?? '?'}, answered in ${putMs.toFixed(0)} ms`,
    );

    const waiting = new Set(handles);
    let lastReport = performance.now();
    while (waiting.size > 0) {
      if (performance.now() - putStarted > TIMEOUT_MS) {
        throw new Error(`${waiting.size} tickets not re-armed within ${TIMEOUT_MS / 1000} s`);
      }
      await pool([...waiting], async (handle) => {
        const view = await handle.query(getTicketQuery).catch(() => null);
        if (view?.timeline.some((e) => e.kind === 'deadline_recomputed')) waiting.delete(handle);
      });
      if (performance.now() - lastReport > 2_000) {
        lastReport = performance.now();
        console.log(`  re-armed ${TICKETS - waiting.size}/${TICKETS}`);
      }
    }
    const allMs = performance.now() - putStarted;
    console.log(
      `re-arm: all ${TICKETS} open tickets recomputed their deadlines ${(allMs / 1000).toFixed(1)} s ` +
        `after the PUT (${((TICKETS / allMs) * 1000).toFixed(0)} tickets/s; the PUT itself ${putMs.toFixed(0)} ms)`,
    );
  } finally {
    await pool(handles, async (handle) => {
      await handle.terminate('benchmark done').catch(() => undefined);
    });
    await connection.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
