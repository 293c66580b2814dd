/**
 * Reporting benchmark (issue 7), loopback only, bounded:
 *
 * 1. seeds BENCH_TICKETS ledger tickets (default 100 000, at most 200 000) into a database of
 *    its own (`court12368_bench` on the server at MONGODB_URI, or BENCH_MONGODB_URI), in
 *    batches, with a progress line; a database already holding exactly that many bench
 *    tickets is reused (BENCH_RESEED=1 seeds again);
 * 2. starts the reporting service (dist/apps/reporting/src/main.js with the node flags `npm start` gives it)
 *    as a child process against that database, in a Temporal namespace of its own
 *    (`court12368-bench`, bulletin schedule off);
 * 3. prints the metrics response time over all the tickets (target under 1 s; the first run
 *    right after start, the next ones with the read model cached), two JSON ledger pages, the time
 *    of a full-ledger xlsx export and the service's peak memory (RSS sampled from /proc every
 *    50 ms) while it streams it (target under 300 MB).
 *
 * The Temporal and database servers are reused when they answer (a running `npm start`),
 * else started for the run and stopped at the end.
 *
 * Where an export's time goes: BENCH_CURSOR_ONLY=1 times the database's cursors alone (sorted
 * or not, projected or not, a scan matching nothing); BENCH_CHECK_ORDER=1 checks the CSV export's
 * rows against the ledger order of a sorted cursor; BENCH_NODE_FLAGS passes node flags to the
 * service (e.g. `--prof`); the export's line gives the service's CPU seconds.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { JwtService } from '@nestjs/jwt';
import { Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { LEDGER_FACTS_MIGRATION, LedgerFactsStore, ledgerModels } from '../libs/database/src';
import { TICKET_TYPES } from '../libs/domain/src';
import { LEDGER_PROJECTION } from '../libs/reporting/src/ledger-rows';
import { ensureNamespace } from '../libs/temporal/src/namespace-setup';
import { APPS, appEntry } from '../scripts/stack/apps';
import { freePort, httpOk, waitUntil } from '../scripts/stack/probes';
import type { ProvidedServer } from '../scripts/stack/servers';
import { Supervisor } from '../scripts/stack/supervisor';
import { TICKET_SEARCH_ATTRIBUTES } from '../workflows/ticket/contract';
import { provideBenchServers } from './bench-kit';
import { reportFigures } from './bench-report';

const TICKETS = Math.min(Math.max(Number(process.env.BENCH_TICKETS ?? 100_000), 1), 200_000);
const BATCH = 2_000;
const METRICS_RUNS = Math.min(Math.max(Number(process.env.BENCH_METRICS_RUNS ?? 3), 1), 5);
const NAMESPACE = 'court12368-bench';
const H = 3_600_000;

const TRANSFERS = [
  { dept: 'civil', handler: 'judge01', name: '李明', rule: '4.4' },
  { dept: 'petition', handler: 'head-petition', name: '周海燕', rule: '4.3' },
  { dept: 'filing', handler: 'head-filing', name: '吴立新', rule: '4.5' },
  {
    dept: 'enforcement-supervision',
    handler: 'head-enforcement-supervision',
    name: '郑卫东',
    rule: '4.5',
  },
];

/** A plausible ledger ticket: a year of calls, about half transferred, some overdue. */
function benchTicket(i: number) {
  const receivedAt = new Date(Date.parse('2025-12-01T00:30:00Z') + (i * (365 * 24 * H)) / TICKETS);
  const type = TICKET_TYPES[i % TICKET_TYPES.length]!;
  const direct = type === 'case_inquiry' || type === 'litigation_consultation' || type === 'other';
  const t = TRANSFERS[i % TRANSFERS.length]!;
  const r = (i * 2_654_435_761) % 1000; // deterministic spread
  const ms = (h: number) => new Date(receivedAt.getTime() + h * H);
  const overdue = !direct && r < 120;
  const reminded = overdue && r < 80;
  const bulletined = reminded && r < 30;
  const fed = !direct && !bulletined;
  const callbackDue = !direct && fed;
  return {
    _id: `BENCH${String(i).padStart(7, '0')}`,
    workflowId: `ticket-BENCH${i}`,
    type,
    channel: r < 50 ? 'voicemail' : 'phone',
    caseNumber: type === 'contact_judge' ? '(2026)豫0782民初1号' : null,
    caller: {
      name: '测试来电人',
      phone: `138${String(10_000_000 + (i % 89_999_999)).slice(0, 8)}`,
    },
    content: '来电反映案件办理进度，要求尽快处理并答复。'.repeat(2),
    flags: {
      urgent: false,
      abusive: false,
      litigationRights: r % 3 === 0,
      couldNotReachJudge: false,
    },
    status: direct ? 'answered' : bulletined ? 'bulletined' : callbackDue ? 'closed' : 'dispatched',
    redLight: bulletined,
    disposition: direct
      ? { action: 'direct_answer', rule: '4.1', target: null }
      : {
          action: 'transfer',
          rule: t.rule,
          target: { id: t.handler, name: t.name, role: 'handler' },
          departmentId: t.dept,
        },
    handlerId: direct ? null : t.handler,
    departmentId: direct ? null : t.dept,
    deadlines: direct
      ? { dispatchBy: null, feedbackBy: null, reminderBy: null, bulletinBy: null, callbackBy: null }
      : {
          dispatchBy: ms(2),
          feedbackBy: ms(72.1),
          reminderBy: null,
          bulletinBy: null,
          callbackBy: ms(150),
        },
    receivedAt,
    dispatchedAt: direct ? null : ms(0.1),
    overdueAt: overdue ? ms(72.1) : null,
    remindedAt: reminded ? ms(80) : null,
    reminders: reminded ? 1 : 0,
    bulletinedAt: bulletined ? ms(100) : null,
    feedback: fed
      ? { result: '已办理并答复来电人', at: ms(overdue ? 90 : 30), by: t.handler }
      : null,
    handledAt: fed ? ms(overdue ? 90 : 30) : null,
    callbackDue,
    keyCallback: callbackDue && r % 3 === 0,
    callback:
      callbackDue && r < 900
        ? {
            reached: r < 850,
            satisfied: r < 850 ? r < 800 : null,
            note: null,
            at: ms(100),
            by: 'agent01',
          }
        : null,
    closedAt: callbackDue ? ms(100) : null,
    escalation: null,
    repeatCalls: [],
    provisionalDeadlines: false,
    ringAt: r < 50 ? null : receivedAt,
    answeredAt: r < 50 ? null : new Date(receivedAt.getTime() + (r % 15) * 1000),
    loggedBy: `agent0${(i % 4) + 1}`,
    createdAt: receivedAt,
    updatedAt: receivedAt,
  };
}

async function seed(uri: string): Promise<void> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    const { tickets } = ledgerModels(connection);
    // A marker rather than a count: counting 100 000 documents is slow on FerretDB/SQLite.
    const meta = connection.db!.collection<{ _id: string; tickets: number; facts?: string }>(
      'bench_meta',
    );
    const seeded = await meta.findOne({ _id: 'seed' });
    if (
      seeded?.tickets === TICKETS &&
      seeded.facts === LEDGER_FACTS_MIGRATION &&
      process.env.BENCH_RESEED !== '1'
    ) {
      console.log(
        `ledger: ${TICKETS.toLocaleString()} bench tickets already seeded (BENCH_RESEED=1 to redo)`,
      );
      return;
    }
    await meta.deleteOne({ _id: 'seed' });
    for (const name of ['tickets', 'ledger_fact_days', 'ledger_fact_day_list']) {
      await connection.db!.dropCollection(name).catch(() => undefined);
    }
    await tickets.createIndexes();
    // Seeded as the ledger's writer stores tickets: the documents, then their facts.
    const facts = LedgerFactsStore.of(connection);
    const started = performance.now();
    for (let from = 0; from < TICKETS; from += BATCH) {
      const docs = Array.from({ length: Math.min(BATCH, TICKETS - from) }, (_, k) =>
        benchTicket(from + k),
      );
      await tickets.collection.insertMany(docs as never[], { ordered: false });
      await facts.put(docs as never[]);
      const done = from + docs.length;
      const rate = done / ((performance.now() - started) / 1000);
      process.stdout.write(
        `\rseeding ledger: ${done.toLocaleString()} / ${TICKETS.toLocaleString()} tickets (${rate.toFixed(0)}/s)   `,
      );
    }
    await meta.insertOne({ _id: 'seed', tickets: TICKETS, facts: LEDGER_FACTS_MIGRATION });
    process.stdout.write(`\nseeded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await connection.close();
  }
}

/** The CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime: fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** How long the database's cursors over the whole ledger take alone (BENCH_CURSOR_ONLY=1). */
async function timeCursorOnly(uri: string): Promise<void> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    const variants: [
      string,
      Record<string, unknown> | null,
      Record<string, 0 | 1> | undefined,
      number,
    ][] = [
      ['sorted, projected', { receivedAt: 1, _id: 1 }, LEDGER_PROJECTION, 500],
      ['sorted, whole', { receivedAt: 1, _id: 1 }, undefined, 1000],
      ['unsorted, whole', null, undefined, 1000],
    ];
    for (const [label, sort, projection, batchSize] of variants) {
      const started = performance.now();
      let cursor = ledgerModels(connection).tickets.collection.find({}, { projection, batchSize });
      if (sort) cursor = cursor.sort(sort as never);
      let docs = 0;
      let first = 0;
      let inOrder = 0;
      let last = '';
      for await (const doc of cursor) {
        if (docs === 0) first = performance.now() - started;
        if (String(doc._id) > last) inOrder += 1;
        last = String(doc._id);
        docs += 1;
      }
      console.log(
        `cursor ${label}: ${docs} documents in ${((performance.now() - started) / 1000).toFixed(1)} s (first after ${(first / 1000).toFixed(1)} s; ${inOrder} in id order)`,
      );
    }
    const { tickets } = ledgerModels(connection);
    const scan = async (filter: Record<string, unknown>) => {
      let docs = 0;
      for await (const _ of tickets.collection.find(filter, { batchSize: 1000 })) docs += 1;
      return docs;
    };
    let t0 = performance.now();
    const none = await scan({ type: 'no-such-type' });
    console.log(`scan matching none: ${none} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const middle = new Date(Date.parse('2025-12-01T00:30:00Z') + 182.5 * 24 * H);
    t0 = performance.now();
    const halves = await Promise.all([
      scan({ receivedAt: { $lt: middle } }),
      scan({ receivedAt: { $gte: middle } }),
    ]);
    console.log(
      `two half scans at once: ${halves} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    t0 = performance.now();
    const half = await scan({ receivedAt: { $lt: middle } });
    console.log(`one half scan: ${half} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await connection.close();
  }
}

function rssMb(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** GETs a URL, discarding the body; resolves with status, bytes and milliseconds. */
function fetchTimed(url: string, token: string, keepAll = false) {
  return new Promise<{ status: number; bytes: number; ms: number; body: string }>(
    (resolve, reject) => {
      const started = performance.now();
      const req = httpGet(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
        let bytes = 0;
        let body = '';
        const keep = !res.headers['content-type']?.includes('spreadsheet');
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (keep && (keepAll || body.length < 1_000_000)) body += chunk.toString('utf8');
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started, body }),
        );
        res.on('error', reject);
      });
      req.setTimeout(30 * 60_000, () => req.destroy(new Error('timeout')));
      req.on('error', reject);
    },
  );
}

async function main(): Promise<void> {
  const supervisor = new Supervisor();
  const servers: ProvidedServer[] = [];
  let app: ChildProcess | undefined;
  try {
    const { temporal, database, benchUri } = await provideBenchServers(supervisor, {
      dataDirPrefix: 'court12368-bench-',
      database: 'court12368_bench',
    });
    servers.push(temporal, database);
    console.log(
      `bench database: ${new URL(benchUri).pathname.slice(1)}, ${TICKETS.toLocaleString()} tickets`,
    );
    await seed(benchUri);

    const connection = await Connection.connect({ address: temporal.address });
    await ensureNamespace(connection, NAMESPACE, TICKET_SEARCH_ATTRIBUTES, 1).finally(() =>
      connection.close(),
    );

    const port = await freePort();
    const secret = randomBytes(32).toString('hex');
    const reporting = APPS.find((a) => a.name === 'reporting')!;
    // BENCH_NODE_FLAGS: extra node flags for the service, e.g. `--prof` to profile the export.
    const extraFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
    const flags = [...(reporting.nodeFlags ?? []), ...extraFlags];
    app = spawn(process.execPath, [...flags, appEntry('reporting')], {
      env: {
        ...process.env,
        MONGODB_URI: benchUri,
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_NAMESPACE: NAMESPACE,
        REPORTING_PORT: String(port),
        JWT_SECRET: secret,
        BULLETIN_SCHEDULE: 'off',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitUntil('reporting /health', () => httpOk(`${base}/health`), 120_000);
    const pid = app.pid!;
    console.log(`reporting service up (pid ${pid}), RSS ${rssMb(pid).rss.toFixed(0)} MB`);
    const token = await new JwtService({ secret }).signAsync(
      { sub: 'supervisor01', name: 'bench', roles: ['supervisor'], dept: null },
      { algorithm: 'HS256', expiresIn: 3600 },
    );

    for (let run = 1; run <= METRICS_RUNS; run++) {
      const res = await fetchTimed(`${base}/api/reports/metrics`, token);
      const total = res.status === 200 ? JSON.parse(res.body).total : `HTTP ${res.status}`;
      const verdict = res.ms < 1000 ? 'target met' : 'over the 1 s target';
      // The service fills its cache of the read model as it starts: the first run may meet it.
      const note = run === 1 ? ' (right after start)' : '';
      console.log(
        `metrics (run ${run}${note}): ${res.ms.toFixed(0)} ms over ${total} tickets — ${verdict}`,
      );
      if (run === METRICS_RUNS) {
        reportFigures('reporting', [
          {
            figure: `metrics over ${TICKETS} tickets`,
            value: res.ms,
            unit: 'ms',
            aim: { below: 1000 },
          },
        ]);
      }
    }

    for (const query of ['limit=50', 'type=complaint&status=bulletined&page=3&limit=100']) {
      const res = await fetchTimed(`${base}/api/reports/ledger?${query}`, token);
      const body = res.status === 200 ? JSON.parse(res.body) : null;
      console.log(
        `ledger page (${query}): ${res.ms.toFixed(0)} ms, ${body ? `${body.items.length} of ${body.total}` : `HTTP ${res.status}`}`,
      );
    }

    if (process.env.BENCH_CURSOR_ONLY === '1') await timeCursorOnly(benchUri);
    if (process.env.BENCH_CHECK_ORDER === '1') {
      // The CSV export's ids against the ledger order of a sorted cursor (the xlsx has the same rows).
      const csv = await fetchTimed(`${base}/api/reports/ledger?format=csv`, token, true);
      const exportedIds = csv.body
        .split('\r\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => line.split(',')[0]);
      const connection = await mongoose.createConnection(benchUri).asPromise();
      const sortedIds: string[] = [];
      const cursor = ledgerModels(connection)
        .tickets.collection.find({}, { projection: { _id: 1 }, batchSize: 5000 })
        .sort({ receivedAt: 1, _id: 1 });
      for await (const doc of cursor) sortedIds.push(String(doc._id));
      await connection.close();
      const same = JSON.stringify(exportedIds) === JSON.stringify(sortedIds);
      console.log(
        `csv export in ${(csv.ms / 1000).toFixed(1)} s: ${exportedIds.length} rows, ${same ? 'in ledger order' : 'NOT in ledger order'}`,
      );
    }

    const before = rssMb(pid).rss;
    const cpuBefore = cpuSeconds(pid);
    let peak = before;
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, rssMb(pid).rss);
      } catch {
        // the process is gone; reported below
      }
    }, 50);
    const exported = await fetchTimed(`${base}/api/reports/ledger?format=xlsx`, token);
    clearInterval(sampler);
    const { hwm } = rssMb(pid);
    const cpu = cpuSeconds(pid) - cpuBefore;
    console.log(
      `xlsx export: HTTP ${exported.status}, ${(exported.bytes / 1024 / 1024).toFixed(1)} MB in ${(exported.ms / 1000).toFixed(1)} s (the service's CPU: ${cpu.toFixed(1)} s)`,
    );
    const seconds = exported.ms / 1000;
    reportFigures('reporting', [
      {
        figure: `full-ledger xlsx export (${TICKETS} tickets${TICKETS === 100_000 ? '' : ', scaled to 100,000'})`,
        value: (seconds * 100_000) / TICKETS,
        unit: 's',
        aim: { below: 30 },
        note: `${(TICKETS / seconds).toFixed(0)} rows/s`,
      },
      {
        figure: 'reporting service peak RSS while exporting',
        value: peak,
        unit: 'MB',
        aim: { below: 300 },
      },
    ]);
    console.log(
      `service memory while streaming: peak RSS ${peak.toFixed(0)} MB (${before.toFixed(0)} MB before) — ${peak < 300 ? 'under' : 'over'} the 300 MB target; lifetime peak (VmHWM) ${hwm.toFixed(0)} MB`,
    );
  } finally {
    if (app && app.exitCode === null) {
      app.kill('SIGTERM');
      await new Promise((resolve) => app!.once('exit', resolve));
    }
    await supervisor.stopAll();
    for (const server of servers.reverse()) await server.stop?.();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
