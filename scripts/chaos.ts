import { type Connection, createConnection } from 'mongoose';
import { burst, type CallOutcome, login } from './chaos/burst';
import { healthy, judge, leftBehind, waitFor } from './chaos/checks';
import { scaleOut } from './chaos/scale-out';
import { StackUnderTest, type Target } from './chaos/stack-under-test';
import { say, seconds, shout } from './stack/console-output';

/**
 * `npm run chaos`: the fault suite. Starts the embedded stack (as `npm start` does) on loopback
 * ports and a throw-away data folder, then for each process in turn sends a burst of transfers,
 * SIGKILLs the process a third of the way in, and checks: the stack heals, every accepted ticket
 * is dispatched, exactly one dispatch notice per recipient, no caller has two tickets, refused
 * calls are answered 503 and leave nothing behind. Prints a table; exits 1 on any failure.
 */
const ROUNDS: Target[] = ['worker', 'notification', 'intake', 'database', 'temporal'];
const CALLS_PER_ROUND = Number(process.env.CHAOS_CALLS ?? 32);
const SCALE_OUT_CALLS = Number(process.env.CHAOS_SCALE_CALLS ?? 200);
const CONCURRENCY = 4;
const HEAL_WITHIN_MS = 60_000;
const SETTLE_WITHIN_MS = 120_000;
/** The reconciler's window (30 s age + 10 s sweep) with a margin. */
const RECONCILE_WAIT_MS = 50_000;
const HARD_LIMIT_MS = 25 * 60_000;
/** A 4.2 transfer's dispatch notices: the presiding judge and the head of the civil division. */
const RECIPIENTS = ['judge01', 'head-civil'];

interface Row {
  target: Target;
  healedMs: number | null;
  outcomes: CallOutcome[];
  verdict: Awaited<ReturnType<typeof judge>>;
}

function passed(row: Row): boolean {
  const v = row.verdict;
  return (
    row.healedMs !== null &&
    row.healedMs <= 30_000 &&
    v.otherStatuses.length === 0 &&
    v.notDispatched.length === 0 &&
    v.wrongNotices.length === 0 &&
    v.duplicated.length === 0
  );
}

function table(rows: Row[], left: string[]): string {
  const head = [
    'killed',
    'healed in',
    'calls',
    'accepted',
    '503',
    'no answer',
    'other',
    'not dispatched',
    'notices ≠ 1',
    'duplicates',
    'result',
  ];
  const lines = rows.map((r) => [
    r.target,
    r.healedMs === null ? 'never' : seconds(r.healedMs),
    String(r.outcomes.length),
    String(r.verdict.accepted),
    String(r.verdict.refused503),
    String(r.verdict.noAnswer),
    String(r.verdict.otherStatuses.length),
    String(r.verdict.notDispatched.length),
    String(r.verdict.wrongNotices.length),
    String(r.verdict.duplicated.length),
    passed(r) ? 'pass' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    row(head),
    row(widths.map((w) => '-'.repeat(w))),
    ...lines.map(row),
    '',
    `refused calls left behind on the ledger: ${left.length === 0 ? 'none' : left.join('; ')}`,
  ].join('\n');
}

/** Two of each writer on one Temporal and one database, no faults: exact counts. */
async function scaleOutPhase(): Promise<boolean> {
  const stack = new StackUnderTest(2);
  say(
    `chaos: scale-out: starting two workers, notification and intake processes (${stack.logFile})`,
  );
  await stack.start();
  let db: Connection | null = null;
  try {
    if (!(await waitFor(() => healthy(stack.healthUrls), 15 * 60_000))) {
      shout('chaos: scale-out: the stack did not come up');
      return false;
    }
    db = await createConnection(stack.mongodbUri, { serverSelectionTimeoutMS: 2_000 }).asPromise();
    const result = await scaleOut(
      stack.intakeUrls,
      `http://127.0.0.1:${stack.ports.reporting}`,
      db,
      SCALE_OUT_CALLS,
      RECIPIENTS,
    );
    const v = result.verdict;
    const ok =
      v.accepted === SCALE_OUT_CALLS &&
      v.otherStatuses.length === 0 &&
      v.notDispatched.length === 0 &&
      v.wrongNotices.length === 0 &&
      v.duplicated.length === 0 &&
      result.metricsTotal === SCALE_OUT_CALLS;
    console.log(
      `\n| scale-out (2 × worker, notification, intake) | calls | accepted | not dispatched | notices ≠ 1 | duplicates | metrics total | time | result |\n` +
        `| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n` +
        `| two of each | ${SCALE_OUT_CALLS} | ${v.accepted} | ${v.notDispatched.length} | ${v.wrongNotices.length} | ${v.duplicated.length} | ${result.metricsTotal} | ${seconds(result.ms)} | ${ok ? 'pass' : 'FAIL'} |\n`,
    );
    return ok;
  } finally {
    await db?.close().catch(() => undefined);
    await stack.stop();
  }
}

async function main(): Promise<number> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const scaled = only === 'faults' ? true : await scaleOutPhase();
  const faults = only === 'scale' ? 0 : await faultsPhase();
  return scaled && faults === 0 ? 0 : 1;
}

async function faultsPhase(): Promise<number> {
  const started = Date.now();
  const stack = new StackUnderTest();
  say(`chaos: starting the stack in ${stack.dataDir} (its output: ${stack.logFile})`);
  await stack.start();
  const healthUrls = stack.healthUrls;
  let db: Connection | null = null;
  try {
    if (!(await waitFor(() => healthy(healthUrls), 15 * 60_000))) {
      shout('chaos: the stack did not come up');
      return 1;
    }
    say(`chaos: stack healthy in ${seconds(Date.now() - started)}`);
    const token = await login(stack.url, 'agent01', process.env.DEMO_PASSWORD ?? 'demo12368');
    db = await createConnection(stack.mongodbUri, { serverSelectionTimeoutMS: 2_000 }).asPromise();

    const rows: Row[] = [];
    const everyCall: CallOutcome[] = [];
    for (const target of ROUNDS) {
      let healing: Promise<number | null> = Promise.resolve(null);
      say(`chaos: ${target}: ${CALLS_PER_ROUND} transfers, SIGKILL a third of the way in`);
      const outcomes = await burst(stack.url, token, CALLS_PER_ROUND, CONCURRENCY, async () => {
        const pid = stack.kill(target);
        const killedAt = Date.now();
        say(`chaos: SIGKILL ${target} (pid ${pid})`);
        healing = (async () => {
          await new Promise((resolve) => setTimeout(resolve, 1_000)); // let the death show
          const healed = await waitFor(() => healthy(healthUrls), HEAL_WITHIN_MS);
          return healed ? Date.now() - killedAt : null;
        })();
      });
      const healedMs = await healing;
      // The database comes back under the same pid-less name; make sure ours reconnected.
      await db.asPromise();
      const verdict = await judge(db, outcomes, RECIPIENTS, SETTLE_WITHIN_MS);
      const row = { target, healedMs, outcomes, verdict };
      rows.push(row);
      everyCall.push(...outcomes);
      say(
        `chaos: ${target}: ${passed(row) ? 'pass' : 'FAIL'} ${JSON.stringify({ ...verdict, healedMs })}`,
      );
      if (!stack.alive) {
        shout('chaos: the stack gave up');
        break;
      }
      if (Date.now() - started > HARD_LIMIT_MS) break;
    }
    await new Promise((resolve) => setTimeout(resolve, RECONCILE_WAIT_MS));
    const left = await leftBehind(db, everyCall);
    const report = table(rows, left);
    console.log(`\n${report}\n`);
    const ok =
      rows.length === ROUNDS.length && rows.every(passed) && left.length === 0 && stack.alive;
    say(`chaos: ${ok ? 'passed' : 'FAILED'} in ${seconds(Date.now() - started)}`);
    return ok ? 0 : 1;
  } finally {
    await db?.close().catch(() => undefined);
    const code = await stack.stop();
    say(`chaos: stack stopped (exit code ${code})`);
  }
}

const limit = setTimeout(
  () => {
    shout('chaos: hard time limit reached');
    process.exit(1);
  },
  HARD_LIMIT_MS + 10 * 60_000,
);
limit.unref();
main().then(
  (code) => process.exit(code),
  (error: Error) => {
    shout(`chaos: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
