/**
 * `npm run bench`: every benchmark with small defaults against one throw-away embedded stack
 * (`npm start`'s own start script on loopback ports and a data folder of its own, as the chaos
 * suite starts it), then one table with each figure beside its aim. Bounded: each bench has a
 * time limit, and the stack is stopped at the end. `--write` also puts the table into the
 * README between its `bench-table` markers, with the machine it ran on.
 *
 * The benches stay runnable on their own (`npm run bench:intake` …) with their full defaults;
 * here each reports its figures through BENCH_REPORT (bench-report.ts). The backlog's size comes
 * from BENCH_BACKLOG (default 2,000): `BENCH_BACKLOG=100000 npm run bench -- --only=backlog,
 * 'red light'` is the issue's full size.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { healthy, waitFor } from '../scripts/chaos/checks';
import { StackUnderTest } from '../scripts/chaos/stack-under-test';
import { REPO_ROOT } from '../scripts/stack/paths';
import { benchTable, type ReportedFigure } from './bench-report';

interface BenchRun {
  name: string;
  script: string;
  args?: string[];
  env: Record<string, string>;
  limitMs: number;
}

/** The small defaults: minutes in all, not the hours the 100,000-ticket runs take. */
function benches(stack: StackUnderTest): BenchRun[] {
  const temporal = { TEMPORAL_ADDRESS: stack.temporalAddress, MONGODB_URI: stack.mongodbUri };
  const minutes = (n: number) => n * 60_000;
  // BENCH_BACKLOG sizes the backlog (the 100,000 takes about half an hour to start here).
  const backlog = Number(process.env.BENCH_BACKLOG ?? 2000);
  return [
    {
      name: 'intake',
      script: 'intake.bench.js',
      env: {
        ...temporal,
        INTAKE_URL: stack.url,
        BENCH_PARTS: 'intake,cpu',
        BENCH_LEVELS: '10',
        BENCH_SECONDS: '10',
        BENCH_STACK_PID: String(stack.pid),
      },
      limitMs: minutes(5),
    },
    {
      name: 'notification',
      script: 'notification.bench.js',
      env: {
        ...temporal,
        BENCH_NOTIFICATION_URL: `http://127.0.0.1:${stack.ports.notification}`,
        BENCH_PARTS: 'latency',
        BENCH_TICKETS: '50',
        BENCH_LATENCY_RATE: '5',
      },
      limitMs: minutes(5),
    },
    {
      // Before the backlog: the handler's inbox lists the most urgent first, and the backlog's
      // red lights would push a new ticket off its first page.
      name: 'web',
      script: 'web.bench.js',
      env: { BENCH_WEB_URL: stack.url, BENCH_RUNS: '3', BENCH_TICKETS: '10' },
      limitMs: minutes(5),
    },
    {
      name: 'backlog',
      script: 'open-backlog.bench.js',
      env: {
        ...temporal,
        INTAKE_URL: stack.url,
        REPORTING_URL: `http://127.0.0.1:${stack.ports.reporting}`,
        BENCH_BACKLOG: String(backlog),
        BENCH_STACK_PID: String(stack.pid),
        // The red light below is measured with the backlog present; the stack is thrown away.
        BENCH_KEEP_BACKLOG: '1',
      },
      // Starting runs at about 100 tickets/s here; the measurements after take minutes.
      limitMs: minutes(20) + backlog * 20,
    },
    {
      name: 'red light',
      script: 'red-light-lag.bench.js',
      args: ['100'],
      env: temporal,
      limitMs: minutes(6),
    },
    {
      name: 'reporting',
      script: 'reporting.bench.js',
      env: { ...temporal, BENCH_TICKETS: '10000', BENCH_METRICS_RUNS: '2' },
      limitMs: minutes(10),
    },
  ];
}

/** Runs one bench as a child, its output passed through; false when it failed or overran. */
function runBench(bench: BenchRun, dataDir: string, report: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'dist', 'bench', bench.script), ...(bench.args ?? [])],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, DATA_DIR: dataDir, BENCH_REPORT: report, ...bench.env },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    const timer = setTimeout(() => {
      console.error(`bench ${bench.name}: over ${bench.limitMs / 60_000} min, stopped`);
      child.kill('SIGKILL');
    }, bench.limitMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const gib = (totalmem() / 1024 ** 3).toFixed(0);
  return `${cpus().length} × ${cpu}, ${gib} GiB, Node.js ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`;
}

function writeIntoReadme(table: string): void {
  const path = join(REPO_ROOT, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const start = '<!-- bench-table:start -->';
  const end = '<!-- bench-table:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`);
  const block = `${start}\nMeasured on ${machine()} (\`npm run bench\`):\n\n${table}\n${end}`;
  writeFileSync(path, readme.slice(0, from) + block + readme.slice(to + end.length));
}

async function main(): Promise<number> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const stack = new StackUnderTest();
  const report = join(mkdtempSync(join(tmpdir(), 'court12368-bench-')), 'figures.jsonl');
  writeFileSync(report, '');
  console.log(`bench: starting the stack in ${stack.dataDir} (its output: ${stack.logFile})`);
  await stack.start();
  const failed: string[] = [];
  try {
    if (!(await waitFor(() => healthy(stack.healthUrls), 15 * 60_000))) {
      throw new Error('the stack did not come up');
    }
    for (const bench of benches(stack)) {
      if (only && !only.split(',').includes(bench.name)) continue;
      console.log(`\n== ${bench.name}`);
      if (!(await runBench(bench, stack.dataDir, report))) failed.push(bench.name);
    }
  } finally {
    await stack.stop();
  }
  const figures = readFileSync(report, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReportedFigure);
  const table = benchTable(figures, failed);
  console.log(`\n${machine()}\n\n${table}`);
  if (process.argv.includes('--write')) writeIntoReadme(table);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
