/**
 * Intake benchmark, against the running embedded stack (`npm start`): loopback only, bounded
 * loops, not part of the test suite.
 *
 * 1. `POST /api/tickets` (a 4.5 complaint, transferred at once, with an Idempotency-Key) at
 *    rising concurrency (BENCH_LEVELS, default 1,5,10,25,50), BENCH_SECONDS (default 5) per
 *    level and at most BENCH_MAX_PER_LEVEL requests: tickets/s, errors, p50/p99 latency.
 * 2. The same levels for a bare Temporal client starting an empty workflow on the same server
 *    (a worker for it runs in this process, on a task queue of its own).
 * 3. Open loop at BENCH_RATE tickets/s (default 50) for BENCH_RATE_SECONDS (default 10): p99.
 * 4. With BENCH_PARTS including `cpu` and BENCH_STACK_PID (`npm start`'s pid; `npm run bench`
 *    sets both): the CPU all the stack's processes spend per ticket, by process.
 *
 * Bench tickets are marked (caller 压测, content `[压测] …`); their workflows are terminated
 * at the end (the ledger entries stay in the stack's database).
 *
 * BENCH_PARTS picks parts (default `intake,bare,rate`).
 * Env: INTAKE_URL (default http://127.0.0.1:3000), TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
 * DEMO_PASSWORD.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { percentile, sleep } from './bench-kit';
import { reportFigures } from './bench-report';
import { processName, treeCpu } from './process-cpu';
import { stackDataConverter } from './stack-data-converter';

const INTAKE_URL = process.env.INTAKE_URL ?? 'http://127.0.0.1:3000';
const TEMPORAL_ADDRESS = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const NAMESPACE = process.env.TEMPORAL_NAMESPACE ?? 'default';
const LEVELS = (process.env.BENCH_LEVELS ?? '1,5,10,25,50')
  .split(',')
  .map((n) => Math.min(Math.max(Number(n) || 1, 1), 200));
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 5), 60);
const MAX_PER_LEVEL = Math.min(Number(process.env.BENCH_MAX_PER_LEVEL ?? 3000), 20_000);
const RATE = Math.min(Number(process.env.BENCH_RATE ?? 50), 500);
const RATE_SECONDS = Math.min(Number(process.env.BENCH_RATE_SECONDS ?? 10), 60);
/** `intake` (the levels), `cpu` (CPU per ticket, with BENCH_STACK_PID), `bare`, `rate`. */
const PARTS = (process.env.BENCH_PARTS ?? 'intake,bare,rate').split(',');
const CPU_CONCURRENCY = 5;
const CPU_SETTLE_MS = 5_000;

if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(INTAKE_URL)) {
  throw new Error(`INTAKE_URL must be a loopback address: ${INTAKE_URL}`);
}

interface LevelResult {
  concurrency: number;
  ok: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** Runs `op` with `concurrency` loops for `seconds` (at most `max` calls). */
async function closedLoop(concurrency: number, op: () => Promise<boolean>): Promise<LevelResult> {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = Date.now();
  const end = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end && issued < MAX_PER_LEVEL) {
        issued++;
        const t0 = performance.now();
        const ok = await op().catch(() => false);
        if (ok) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    ok: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function login(): Promise<string> {
  const response = await fetch(`${INTAKE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: 'agent01',
      password: process.env.DEMO_PASSWORD ?? 'demo12368',
    }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

function ticketBody(i: number) {
  return {
    channel: 'phone',
    caller: { name: '压测', phone: `130${String(i % 1e8).padStart(8, '0')}` },
    type: 'complaint',
    complaint: { category: 'filing', specificClues: false },
    caseNumber: null,
    content: `[压测] 反映立案庭拖延立案 #${i}`,
    answer: null,
    flags: { urgent: false, abusive: false, litigationRights: false, couldNotReachJudge: false },
    override: null,
  };
}

const created: string[] = [];
let sequence = 0;

function createTicket(token: string) {
  return async (): Promise<boolean> => {
    const response = await fetch(`${INTAKE_URL}/api/tickets`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(ticketBody(sequence++)),
    });
    const body = (await response.json()) as { workflowId?: string; message?: string };
    if (response.status !== 201) {
      if (process.env.BENCH_VERBOSE) console.error(response.status, body.message);
      return false;
    }
    if (body.workflowId) created.push(body.workflowId);
    return true;
  };
}

async function openLoop(op: () => Promise<boolean>) {
  const latencies: number[] = [];
  let errors = 0;
  const total = RATE * RATE_SECONDS;
  const interval = 1000 / RATE;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      (async () => {
        const t0 = performance.now();
        const ok = await op().catch(() => false);
        if (ok) latencies.push(performance.now() - t0);
        else errors++;
      })(),
    );
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  const elapsed = (performance.now() - started) / 1000;
  return {
    ok: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

function table(title: string, rows: LevelResult[]): void {
  console.log(`\n${title}`);
  console.log('concurrency   ok  errors   per s   p50 ms   p99 ms');
  for (const r of rows) {
    console.log(
      `${String(r.concurrency).padStart(11)} ${String(r.ok).padStart(4)} ${String(r.errors).padStart(7)} ${r.perSecond.toFixed(1).padStart(7)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}`,
    );
  }
}

function best(rows: LevelResult[]): LevelResult | undefined {
  return rows.filter((r) => r.errors === 0).sort((a, b) => b.perSecond - a.perSecond)[0];
}

/** CPU the stack spends per ticket (BENCH_STACK_PID: `npm start`'s pid), idle use taken off. */
async function cpuPerTicket(
  stackPid: number,
  run: () => Promise<LevelResult>,
): Promise<{ result: LevelResult; msPerTicket: number; byProcess: Map<string, number> }> {
  const idleStart = treeCpu(stackPid);
  await sleep(CPU_SETTLE_MS);
  const idleEnd = treeCpu(stackPid);
  const started = Date.now();
  const result = await run();
  // The notices and ledger writes of the last tickets finish after their answers.
  await sleep(CPU_SETTLE_MS);
  const end = treeCpu(stackPid);
  const busyMs = Date.now() - started;
  const tickets = Math.max(result.ok, 1);
  const byProcess = new Map<string, number>();
  let total = 0;
  for (const [pid, ms] of end) {
    const idle = ((idleEnd.get(pid) ?? 0) - (idleStart.get(pid) ?? 0)) / CPU_SETTLE_MS;
    const used = ms - (idleEnd.get(pid) ?? 0) - idle * busyMs;
    const name = processName(pid);
    byProcess.set(name, (byProcess.get(name) ?? 0) + used / tickets);
    total += used;
  }
  return { result, msPerTicket: total / tickets, byProcess };
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  console.log(
    `intake benchmark: ${INTAKE_URL}, Temporal ${TEMPORAL_ADDRESS}/${NAMESPACE}, levels ${LEVELS.join(',')}, ${SECONDS} s each`,
  );
  const token = await login();
  const connection = await Connection.connect({ address: TEMPORAL_ADDRESS });
  // The stack's codec on both sides, so that the baseline pays for encryption as the intake does.
  const dataConverter = stackDataConverter();
  const client = new Client({ connection, namespace: NAMESPACE, dataConverter });

  await createTicket(token)(); // warm-up
  const intake: LevelResult[] = [];
  if (PARTS.includes('intake')) {
    for (const level of LEVELS) intake.push(await closedLoop(level, createTicket(token)));
    table('POST /api/tickets (tickets/s)', intake);
    const atTen = intake.find((r) => r.concurrency === 10);
    if (atTen) {
      reportFigures('intake', [
        {
          figure: 'tickets/s sustained at c=10',
          value: atTen.perSecond,
          unit: '/s',
          aim: { atLeast: 20 },
        },
        {
          figure: 'POST /api/tickets p99 at c=10',
          value: atTen.p99,
          unit: 'ms',
          aim: { below: 1000 },
        },
        { figure: 'errors at c=10', value: atTen.errors, unit: '', aim: { below: 1 } },
      ]);
    }
  }

  const stackPid = Number(process.env.BENCH_STACK_PID);
  if (PARTS.includes('cpu') && stackPid > 0) {
    const { result, msPerTicket, byProcess } = await cpuPerTicket(stackPid, () =>
      closedLoop(CPU_CONCURRENCY, createTicket(token)),
    );
    const parts = [...byProcess]
      .filter(([, ms]) => ms >= 0.5)
      .sort((a, b) => b[1] - a[1])
      .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
      .join(', ');
    console.log(
      `\nCPU per ticket at c=${CPU_CONCURRENCY} (${result.ok} tickets, idle use taken off): ${msPerTicket.toFixed(0)} ms — ${parts}`,
    );
    reportFigures('intake', [
      {
        figure: 'CPU per ticket, all processes',
        value: msPerTicket,
        unit: 'ms',
        aim: { below: 100 },
        note: parts,
      },
    ]);
  }

  if (PARTS.includes('bare')) {
    // The bare baseline: an empty workflow started by a plain client on the same server.
    const native = await NativeConnection.connect({ address: TEMPORAL_ADDRESS });
    const taskQueue = `bench-empty-${Date.now().toString(36)}`;
    const worker = await Worker.create({
      connection: native,
      namespace: NAMESPACE,
      taskQueue,
      dataConverter,
      workflowsPath: require.resolve('./empty.workflow'),
    });
    const running = worker.run();
    const startEmpty = async () => {
      await client.workflow.start('emptyWorkflow', {
        taskQueue,
        workflowId: `bench-empty-${randomUUID()}`,
      });
      return true;
    };
    await startEmpty();
    const bare: LevelResult[] = [];
    for (const level of LEVELS) bare.push(await closedLoop(level, startEmpty));
    table('bare client.workflow.start(emptyWorkflow) (starts/s)', bare);
    worker.shutdown();
    await running;
    await native.close();
    if (intake.length === bare.length) {
      console.log('\nintake / bare, same concurrency:');
      for (let i = 0; i < LEVELS.length; i++) {
        console.log(
          `  ${String(LEVELS[i]).padStart(3)}: ${((intake[i]!.perSecond / bare[i]!.perSecond) * 100).toFixed(0)} %`,
        );
      }
    }
  }
  const bi = best(intake);
  if (bi) {
    console.log(
      `sustained with no errors: intake ${bi.perSecond.toFixed(1)} tickets/s (c=${bi.concurrency}, p50 ${bi.p50.toFixed(0)} ms, p99 ${bi.p99.toFixed(0)} ms)`,
    );
  }

  if (PARTS.includes('rate')) {
    const rate = await openLoop(createTicket(token));
    console.log(
      `\nopen loop at ${RATE} tickets/s for ${RATE_SECONDS} s: ${rate.ok} ok, ${rate.errors} errors, ${rate.perSecond.toFixed(1)}/s, p50 ${rate.p50.toFixed(0)} ms, p99 ${rate.p99.toFixed(0)} ms`,
    );
  }

  // Clean up: the bench tickets' workflows would otherwise wait 3 days for feedback.
  let terminated = 0;
  const queue = [...created];
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let id = queue.pop(); id; id = queue.pop()) {
        await client.workflow
          .getHandle(id)
          .terminate('intake benchmark')
          .then(() => terminated++)
          .catch(() => undefined);
      }
    }),
  );
  console.log(`terminated ${terminated} bench ticket workflows`);
  await connection.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
