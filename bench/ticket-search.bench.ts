/**
 * Ticket search benchmark (`GET /api/tickets?q=`), loopback only, bounded:
 *
 * 1. seeds `--tickets=N` ledger tickets (default 100 000, at most 200 000) with Chinese content,
 *    answers and feedback into a database of its own (`court12368_search_bench` on the server
 *    at MONGODB_URI, or BENCH_MONGODB_URI), in batches, with a progress line;
 * 2. starts the intake service as a child process against that database, in a Temporal
 *    namespace of its own (`court12368-bench`), and signs in as a supervisor (every ticket
 *    visible);
 * 3. times the search as the web UI runs it (first page of 20, newest first, with its total)
 *    for a rare word, a common word and a case number fragment, each without and with a status
 *    filter: `--runs=R` timed requests each (default 20) after one untimed, p50 / p95 / max;
 * 4. prints one table, stops what it started and drops its database (`--keep`: leave the
 *    database for the next run, which then reuses it if it holds the same number of tickets).
 *
 * The search (`keywordCondition` in libs/database/src/repositories/ticket-search.ts) is a
 * case-insensitive substring match — a `$regex` over `_id`, caller name, case number, content,
 * answer and feedback — with `countDocuments` of the same filter for the total. FerretDB 1.24
 * pushes neither down to SQLite: each search reads every ticket of the ledger, twice.
 *
 * Run from the build (`npm run build && node dist/bench/ticket-search.bench.js`), or from the
 * sources with a TypeScript loader, which the intake child then runs with as well.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { CALLER_LOOKUP_MIGRATION, ledgerModels } from '../libs/database/src';
import { TICKET_TYPES } from '../libs/domain/src';
import { ensureNamespace } from '../libs/temporal/src/namespace-setup';
import { appEntry } from '../scripts/stack/apps';
import { REPO_ROOT } from '../scripts/stack/paths';
import { freePort, httpOk, waitUntil } from '../scripts/stack/probes';
import type { ProvidedServer } from '../scripts/stack/servers';
import { Supervisor } from '../scripts/stack/supervisor';
import { TICKET_SEARCH_ATTRIBUTES } from '../workflows/ticket/contract';
import { percentile, provideBenchServers } from './bench-kit';

function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const TICKETS = Math.min(Math.max(Number(flag('tickets') ?? 100_000) || 100_000, 100), 200_000);
const RUNS = Math.min(Math.max(Number(flag('runs') ?? 20) || 20, 1), 100);
const KEEP = process.argv.includes('--keep');
const BATCH = 2_000;
const NAMESPACE = 'court12368-bench';
const DATABASE = 'court12368_search_bench';
const SEED_VERSION = 'search-v1';
const DEMO_PASSWORD = 'bench-search-12368';
const H = 3_600_000;

/** A rare word: in one ticket of 10 007 (10 of 100 000). */
const RARE = '塌方';
const RARE_EVERY = 10_007;
/** A common word: in about a third of the tickets (the enforcement complaints and inquiries). */
const COMMON = '执行';
/** A case number fragment as staff type it: the court, the kind and the first digits. */
const CASE_FRAGMENT = '0782民初12';

const SUBJECTS = ['民间借贷', '离婚', '买卖合同', '劳动争议', '交通事故', '物业服务', '房屋租赁'];
const ISSUES = [
  '一直没有开庭，想了解案件进度',
  '执行款迟迟未到账，要求法院尽快执行',
  '承办法官电话打不通，无法联系',
  '立案材料已提交，至今未收到受理通知',
  '对执行法官的工作态度不满意，要求调查',
  '判决书送达地址有误，请求更正',
  '申请诉讼费缓交，想知道审批结果',
];
const REQUESTS = [
  '请尽快答复',
  '希望法院给个说法',
  '要求承办人回电',
  '请转交相关部门处理',
  '希望今天能有结果',
];
const NAMES = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴芳'];
const DEPARTMENTS = [
  { dept: 'civil', handler: 'judge01', name: '李明' },
  { dept: 'filing', handler: 'head-filing', name: '吴立新' },
  { dept: 'enforcement', handler: 'head-enforcement', name: '孙强' },
  { dept: 'petition', handler: 'head-petition', name: '周海燕' },
];
const STATUSES = ['answered', 'dispatched', 'closed', 'handled', 'overdue', 'closed', 'answered'];

/** A deterministic spread in [0, 1000), independent for each salt. */
function spread(i: number, salt = 0): number {
  let h = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) % 1000;
}

/** A plausible ledger ticket: a year of calls, Chinese content, some case numbers. */
function benchTicket(i: number) {
  const receivedAt = new Date(Date.parse('2025-12-01T00:30:00Z') + (i * (365 * 24 * H)) / TICKETS);
  const r = spread(i);
  const type = TICKET_TYPES[i % TICKET_TYPES.length]!;
  const status = STATUSES[r % STATUSES.length]!;
  const direct = status === 'answered';
  const route = DEPARTMENTS[i % DEPARTMENTS.length]!;
  const subject = SUBJECTS[spread(i, 1) % SUBJECTS.length]!;
  const issue = ISSUES[spread(i, 2) % ISSUES.length]!;
  const request = REQUESTS[spread(i, 3) % REQUESTS.length]!;
  const rare = i % RARE_EVERY === 0 ? `，另反映小区围墙${RARE}无人处理` : '';
  const caseNumber = r < 400 ? `(2025)豫0782民初${1000 + (i % 9000)}号` : null;
  const at = (hours: number) => new Date(receivedAt.getTime() + hours * H);
  return {
    _id: `T${String(20251201 + Math.floor(i / 1000))}-S${String(i).padStart(6, '0')}`,
    workflowId: `ticket-search-bench-${i}`,
    type,
    channel: r < 50 ? 'voicemail' : 'phone',
    caseNumber,
    caller: {
      name: NAMES[i % NAMES.length]!,
      phone: `139${String(10_000_000 + (i % 89_999_999)).slice(0, 8)}`,
    },
    content: `来电人称其${subject}纠纷案件${issue}${rare}，${request}。`,
    answer: direct ? `已告知来电人${subject}案件的办理情况及联系方式。` : null,
    flags: {
      urgent: false,
      abusive: false,
      litigationRights: r % 3 === 0,
      couldNotReachJudge: false,
    },
    status,
    redLight: status === 'overdue',
    disposition: direct
      ? { action: 'direct_answer', rule: '4.1', target: null }
      : {
          action: 'transfer',
          rule: '4.5',
          target: { id: route.handler, name: route.name, role: 'handler' },
          departmentId: route.dept,
        },
    handlerId: direct ? null : route.handler,
    departmentId: direct ? null : route.dept,
    deadlines: direct ? {} : { dispatchBy: at(2), feedbackBy: at(74) },
    receivedAt,
    dispatchedAt: direct ? null : at(0.2),
    overdueAt: status === 'overdue' ? at(74) : null,
    remindedAt: null,
    reminders: 0,
    bulletinedAt: null,
    feedback:
      status === 'handled' || (status === 'closed' && !direct)
        ? { result: `已联系当事人，${subject}案件正在依法办理`, at: at(30), by: route.handler }
        : null,
    handledAt: null,
    callbackDue: false,
    keyCallback: false,
    callback: null,
    closedAt: null,
    escalation: null,
    repeatCalls: [],
    provisionalDeadlines: false,
    acceptedAt: null,
    loggedBy: `agent0${(i % 4) + 1}`,
    createdAt: receivedAt,
    updatedAt: receivedAt,
  };
}

async function seed(uri: string): Promise<void> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    const meta = connection.db!.collection<{ _id: string; tickets: number; version: string }>(
      'bench_meta',
    );
    const seeded = await meta.findOne({ _id: 'seed' });
    if (seeded?.tickets === TICKETS && seeded.version === SEED_VERSION) {
      console.log(`ledger: ${TICKETS.toLocaleString()} bench tickets already seeded (--keep run)`);
      return;
    }
    await meta.deleteOne({ _id: 'seed' });
    for (const name of ['tickets', 'schema_migrations']) {
      await connection.db!.dropCollection(name).catch(() => undefined);
    }
    const { tickets } = ledgerModels(connection);
    await tickets.createIndexes();
    const started = performance.now();
    for (let from = 0; from < TICKETS; from += BATCH) {
      const docs = Array.from({ length: Math.min(BATCH, TICKETS - from) }, (_, k) =>
        benchTicket(from + k),
      );
      await tickets.collection.insertMany(docs as never[], { ordered: false });
      const done = from + docs.length;
      const rate = done / ((performance.now() - started) / 1000);
      process.stdout.write(
        `\rseeding ledger: ${done.toLocaleString()} / ${TICKETS.toLocaleString()} tickets (${rate.toFixed(0)}/s)   `,
      );
    }
    // The intake builds its caller lookup (earlier tickets of a phone or case number) from the
    // ledger once, at its first start on a ledger without one: minutes at 100,000 tickets on
    // FerretDB, and nothing the search reads. Marked done, as on a running court's database.
    await connection
      .db!.collection<{ _id: string; doneAt: Date }>('schema_migrations')
      .updateOne(
        { _id: CALLER_LOOKUP_MIGRATION },
        { $set: { doneAt: new Date() } },
        { upsert: true },
      );
    await meta.insertOne({ _id: 'seed', tickets: TICKETS, version: SEED_VERSION });
    process.stdout.write(`\nseeded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await connection.close();
  }
}

interface Row {
  query: string;
  q: string;
  status: string;
  matches: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * GETs a URL with a bearer token: status, body and milliseconds. Plain `http`, so that no client
 * timeout cuts a slow search short (fetch gives up waiting for headers after 300 s).
 */
function getTimed(url: string, token: string) {
  return new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const req = httpGet(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started }),
      );
      res.on('error', reject);
    });
    req.setTimeout(30 * 60_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/** Runs from the sources (a TypeScript loader) start the intake from its sources too. */
function intakeEntry(): string {
  return __filename.endsWith('.ts')
    ? join(REPO_ROOT, 'apps', 'intake', 'src', 'main.ts')
    : appEntry('intake');
}

async function main(): Promise<void> {
  const supervisor = new Supervisor();
  const servers: ProvidedServer[] = [];
  let app: ChildProcess | undefined;
  let benchUri: string | undefined;
  try {
    const provided = await provideBenchServers(supervisor, {
      dataDirPrefix: 'court12368-search-bench-',
      database: DATABASE,
    });
    const { temporal, database } = provided;
    servers.push(provided.temporal, provided.database);
    benchUri = provided.benchUri;
    console.log(`bench database: ${new URL(benchUri).pathname.slice(1)}`);
    await seed(benchUri);

    const connection = await Connection.connect({ address: temporal.address });
    await ensureNamespace(connection, NAMESPACE, TICKET_SEARCH_ATTRIBUTES, 1).finally(() =>
      connection.close(),
    );

    const port = await freePort();
    app = spawn(process.execPath, [...process.execArgv, intakeEntry()], {
      env: {
        ...process.env,
        MONGODB_URI: benchUri,
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_NAMESPACE: NAMESPACE,
        INTAKE_PORT: String(port),
        JWT_SECRET: 'search-bench-secret-0123456789abcdef0123456789',
        DEMO_SEED: 'true',
        DEMO_PASSWORD,
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitUntil('intake /health', () => httpOk(`${base}/health`), 120_000);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor01', password: DEMO_PASSWORD }),
    });
    if (!login.ok) throw new Error(`login: HTTP ${login.status} ${await login.text()}`);
    const { accessToken } = (await login.json()) as { accessToken: string };
    console.log(`intake up (pid ${app.pid}); ${RUNS} timed searches per query, first page of 20`);

    const search = async (q: string, status: string) => {
      const query = new URLSearchParams({ q, ...(status ? { status } : {}) });
      const res = await getTimed(`${base}/api/tickets?${query}`, accessToken);
      if (res.status !== 200) throw new Error(`search ${query}: HTTP ${res.status} ${res.body}`);
      return { ms: res.ms, total: (JSON.parse(res.body) as { total: number }).total };
    };

    const rows: Row[] = [];
    const queries = [
      { query: 'rare word', q: RARE },
      { query: 'common word', q: COMMON },
      { query: 'case number fragment', q: CASE_FRAGMENT },
    ];
    for (const { query, q } of queries) {
      for (const status of ['', 'dispatched']) {
        const { total } = await search(q, status); // untimed: the first of its kind
        const times: number[] = [];
        for (let run = 0; run < RUNS; run++) times.push((await search(q, status)).ms);
        times.sort((a, b) => a - b);
        rows.push({
          query,
          q,
          status: status || '—',
          matches: total,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          max: times[times.length - 1]!,
        });
        const row = rows[rows.length - 1]!;
        console.log(
          `  ${query} (${q}), status ${status || 'any'}: ${total} matches, p50 ${row.p50.toFixed(0)} ms, p95 ${row.p95.toFixed(0)} ms, max ${row.max.toFixed(0)} ms`,
        );
      }
    }

    console.log(
      `\nGET /api/tickets?q= over ${TICKETS.toLocaleString()} tickets (FerretDB ${database.source.includes('FerretDB') ? '1.24, SQLite' : database.source}), ${RUNS} runs each:\n`,
    );
    const header = ['query', 'q', 'status filter', 'matches', 'p50 ms', 'p95 ms', 'max ms'];
    const lines = rows.map((r) => [
      r.query,
      r.q,
      r.status,
      r.matches.toLocaleString(),
      r.p50.toFixed(0),
      r.p95.toFixed(0),
      r.max.toFixed(0),
    ]);
    const width = (i: number) =>
      Math.max(
        ...[header, ...lines].map((l) =>
          [...l[i]!].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0),
        ),
      );
    const pad = (text: string, i: number) => {
      const shown = [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
      return i >= 3
        ? `${' '.repeat(width(i) - shown)}${text}`
        : `${text}${' '.repeat(width(i) - shown)}`;
    };
    const print = (l: string[]) => console.log(`| ${l.map(pad).join(' | ')} |`);
    print(header);
    console.log(`|${header.map((_, i) => '-'.repeat(width(i) + 2)).join('|')}|`);
    for (const l of lines) print(l);
  } finally {
    if (app && app.exitCode === null) {
      app.kill('SIGTERM');
      await new Promise((resolve) => app!.once('exit', resolve));
    }
    if (benchUri && !KEEP) {
      const connection = await mongoose.createConnection(benchUri).asPromise();
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
      console.log(`dropped the bench database (--keep to reuse it)`);
    }
    await supervisor.stopAll();
    for (const server of servers.reverse()) await server.stop?.();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
