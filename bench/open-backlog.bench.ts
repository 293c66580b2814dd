/**
 * A backlog of open tickets on the running stack (`npm start`, or the throw-away one of
 * `npm run bench`): loopback only, bounded.
 *
 * 1. Starts BENCH_BACKLOG transferred tickets (default 2,000, at most 100,000) with a 30-day
 *    feedback window, BENCH_BACKLOG_CONCURRENCY (default 16) starts at a time, straight on
 *    Temporal as the intake would; meanwhile `POST /api/tickets` at c=5 (intake p99 during).
 * 2. Once every ticket is dispatched: the worker's, Temporal's and the database's RSS and the
 *    data folder's size on disk; intake p99 at c=5 with the backlog present; the metrics and a
 *    ledger page as a supervisor sees them.
 * 3. Terminates the backlog (unless BENCH_KEEP_BACKLOG=1: `npm run bench` measures the red
 *    light after it, with the backlog present, and throws the stack away).
 *
 * Env: TEMPORAL_ADDRESS, MONGODB_URI, INTAKE_URL, REPORTING_URL, BENCH_STACK_PID (`npm start`'s
 * pid, for the processes' memory), DATA_DIR (the stack's data folder, for disk use).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { readSetting } from '../libs/config/src/service-config';
import { parsePolicy } from '../libs/domain/src';
import { ticketWorkflowOptions } from '../workflows/ticket/contract';
import { percentile, petitionTicket, sleep } from './bench-kit';
import { type Figure, reportFigures } from './bench-report';
import { processName, processTree } from './process-cpu';
import { stackDataConverter } from './stack-data-converter';

const BACKLOG = Math.min(Math.max(Number(process.env.BENCH_BACKLOG ?? 2000), 1), 100_000);
const CONCURRENCY = Math.min(Math.max(Number(process.env.BENCH_BACKLOG_CONCURRENCY ?? 16), 1), 64);
const INTAKE_URL = process.env.INTAKE_URL ?? 'http://127.0.0.1:3000';
const REPORTING_URL = process.env.REPORTING_URL ?? 'http://127.0.0.1:3002';
const PROBE_SECONDS = 10;
const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo12368';

for (const url of [INTAKE_URL, REPORTING_URL]) {
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(url)) {
    throw new Error(`${url} must be a loopback address`);
  }
}

async function login(username: string): Promise<string> {
  const response = await fetch(`${INTAKE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** `POST /api/tickets` at c=5 until `stop()` says so; the latencies of the answered ones. */
async function intakeProbe(token: string, stop: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  let sequence = 0;
  await Promise.all(
    Array.from({ length: 5 }, async () => {
      while (!stop()) {
        const started = performance.now();
        const i = sequence++;
        const response = await fetch(`${INTAKE_URL}/api/tickets`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify({
            caller: { name: '压测', phone: `131${String(i % 1e8).padStart(8, '0')}` },
            type: 'petition',
            content: `[压测] 积压工单下的来电 #${i}`,
          }),
        }).catch(() => null);
        if (response?.status === 201) latencies.push(performance.now() - started);
        await response?.arrayBuffer().catch(() => undefined);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Resident memory per part of the stack (summed over its processes), in MB. */
function stackMemory(stackPid: number): Map<string, number> {
  const byName = new Map<string, number>();
  for (const pid of processTree(stackPid)) {
    const name = processName(pid);
    byName.set(name, (byName.get(name) ?? 0) + rssMb(pid));
  }
  return byName;
}

function diskMb(folder: string): number {
  const out = execFileSync('du', ['-sk', folder], { encoding: 'utf8' });
  return Number(out.split('\t')[0]) / 1024;
}

async function timed(url: string, token: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const env = process.env;
  const connection = await Connection.connect({ address: readSetting(env, 'TEMPORAL_ADDRESS') });
  const client = new Client({
    connection,
    namespace: readSetting(env, 'TEMPORAL_NAMESPACE'),
    dataConverter: stackDataConverter(env),
  });
  const policy = parsePolicy({ POLICY_FEEDBACK_WITHIN: '30d', NOTIFY_QUIET_HOURS: 'off' });
  const run = Date.now().toString(36).toUpperCase();
  const agent = await login('agent01');

  console.log(`starting ${BACKLOG} open tickets, ${CONCURRENCY} at a time…`);
  const ids: string[] = [];
  let next = 0;
  let starting = true;
  const started = performance.now();
  const during = intakeProbe(agent, () => !starting);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < BACKLOG; i = next++) {
        const input = petitionTicket(`BACKLOG-${run}-${String(i).padStart(6, '0')}`, policy);
        await client.workflow.start('ticketWorkflow', ticketWorkflowOptions(input));
        ids.push(input.ticketId);
        if (ids.length % 1000 === 0) {
          const seconds = (performance.now() - started) / 1000;
          console.log(
            `  started ${ids.length}/${BACKLOG} (${(ids.length / seconds).toFixed(0)}/s)`,
          );
        }
      }
    }),
  );
  const startSeconds = (performance.now() - started) / 1000;
  starting = false;
  const duringLatencies = await during;
  console.log(`started ${BACKLOG} in ${startSeconds.toFixed(1)} s`);

  // Settled: the workers have run every ticket's first task (nothing left on the task queue).
  const settleUntil = Date.now() + 30 * 60_000;
  for (;;) {
    const { count } = await client.workflow.count(
      `WorkflowType = 'ticketWorkflow' AND ExecutionStatus = 'Running' AND TicketStatus = 'open'`,
    );
    if (count === 0 || Date.now() > settleUntil) break;
    await sleep(2000);
  }

  let stop = false;
  const timer = setTimeout(() => {
    stop = true;
  }, PROBE_SECONDS * 1000);
  const afterLatencies = await intakeProbe(agent, () => stop);
  clearTimeout(timer);

  const supervisor = await login('supervisor01');
  const metricsMs = await timed(`${REPORTING_URL}/api/reports/metrics`, supervisor);
  const ledgerMs = await timed(`${REPORTING_URL}/api/reports/ledger?limit=50`, supervisor);

  const figures: Figure[] = [
    {
      figure: `time to start ${BACKLOG} open tickets`,
      value: startSeconds,
      unit: 's',
      note: `${(BACKLOG / startSeconds).toFixed(0)}/s`,
    },
    {
      figure: 'intake p99 at c=5 while the backlog starts',
      value: percentile(duringLatencies, 99),
      unit: 'ms',
      aim: { below: 1000 },
    },
    {
      figure: `intake p99 at c=5 with ${BACKLOG} open`,
      value: percentile(afterLatencies, 99),
      unit: 'ms',
      aim: { below: 1000 },
    },
    { figure: `metrics with ${BACKLOG} open`, value: metricsMs, unit: 'ms', aim: { below: 1000 } },
    {
      figure: `ledger page with ${BACKLOG} open`,
      value: ledgerMs,
      unit: 'ms',
      aim: { below: 1000 },
    },
  ];
  const stackPid = Number(env.BENCH_STACK_PID);
  if (stackPid > 0) {
    const memory = stackMemory(stackPid);
    const of = (name: string) => memory.get(name) ?? 0;
    figures.push(
      {
        figure: `worker RSS with ${BACKLOG} open`,
        value: of('worker'),
        unit: 'MB',
        aim: { below: 500 },
      },
      { figure: `Temporal RSS with ${BACKLOG} open`, value: of('temporal'), unit: 'MB' },
      { figure: `database RSS with ${BACKLOG} open`, value: of('database'), unit: 'MB' },
    );
  }
  if (env.DATA_DIR) {
    figures.push({
      figure: `data folder on disk with ${BACKLOG} open`,
      value: diskMb(env.DATA_DIR),
      unit: 'MB',
    });
  }
  for (const f of figures) console.log(`${f.figure}: ${f.value.toFixed(0)} ${f.unit}`);
  reportFigures('backlog', figures);

  if (env.BENCH_KEEP_BACKLOG !== '1') {
    console.log(`terminating the ${ids.length} backlog tickets…`);
    let queue = [...ids];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let id = queue.pop(); id; id = queue.pop()) {
          await client.workflow
            .getHandle(`ticket-${id}`)
            .terminate('backlog benchmark done')
            .catch(() => undefined);
        }
      }),
    );
    queue = [];
  }
  await connection.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
