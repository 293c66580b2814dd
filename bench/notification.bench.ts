/**
 * Notification benchmarks, against the running embedded stack (`npm start`): loopback only,
 * bounded loops.
 *
 * 1. Throughput: notices per second that the delivery sustains with the outbox provider
 *    (in-app notice + SMS claim + "send", each under its unique key) on the stack's
 *    database, BENCH_NOTICES notices (default 1000) at BENCH_CONCURRENCY (default 8).
 * 2. Latency: from starting a ticket workflow (a petition: dispatched at once to its
 *    handler) on the dev server to its dispatch notice arriving on the notification
 *    service's SSE stream; BENCH_TICKETS tickets (default 50), one at a time or at
 *    BENCH_LATENCY_RATE tickets/s, p50 / p99.
 *
 * Bench data is marked: ticket ids `BENCH…`, notice keys `bench:…`; the bench's workflows
 * are terminated at the end (their ledger entries stay in the dev database).
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { type Notice, NotificationDelivery } from '@court/notifications';
import { JwtService } from '@nestjs/jwt';
import { Client, Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { createNotificationActivities } from '../activities';
import { loadServiceConfig } from '../libs/config/src';
import { notificationModels, Storage } from '../libs/database/src';
import { parsePolicy } from '../libs/domain/src';
import { ticketWorkflowOptions } from '../workflows/ticket/contract';
import { percentile, petitionTicket, sleep } from './bench-kit';
import { reportFigures } from './bench-report';
import { stackDataConverter } from './stack-data-converter';

const NOTICES = Math.min(Number(process.env.BENCH_NOTICES ?? 1000), 20_000);
const CONCURRENCY = Math.min(Number(process.env.BENCH_CONCURRENCY ?? 8), 64);
const TICKETS = Math.min(Number(process.env.BENCH_TICKETS ?? 50), 500);
/** Tickets per second of the latency part (BENCH_LATENCY_RATE); 0: one at a time. */
const LATENCY_RATE = Math.min(Math.max(Number(process.env.BENCH_LATENCY_RATE ?? 0), 0), 50);
/** `throughput`, `latency` or both (default). */
const PARTS = (process.env.BENCH_PARTS ?? 'throughput,latency').split(',');
const NOTIFICATION_URL = process.env.BENCH_NOTIFICATION_URL ?? 'http://127.0.0.1:3001';

async function throughput(connection: mongoose.Connection): Promise<void> {
  const models = notificationModels(connection);
  const storage = new Storage(connection);
  const delivery = new NotificationDelivery({ storage });
  const { deliverNotices } = createNotificationActivities({ storage, delivery });
  const run = `bench:${Date.now().toString(36)}`;
  const recipients = ['judge01', 'head-civil', 'head-petition', 'group:supervisor'];
  const notices: Notice[] = Array.from({ length: NOTICES }, (_, i) => {
    const recipientId = recipients[i % recipients.length]!;
    return {
      key: `${run}:${i}:dispatch:${recipientId}`,
      recipientId,
      kind: 'dispatch',
      facts: {
        ticketId: `BENCHTP${run.slice(6)}${i}`,
        typeLabel: '投诉举报',
        deadline: new Date().toISOString(),
      },
      sms: !recipientId.startsWith('group:'),
      urgent: false,
    };
  });
  await delivery.ready();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < notices.length) {
        const notice = notices[next++]!;
        await deliverNotices({ notices: [notice], quietHours: null });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sms = await models.sms.countDocuments({ _id: { $regex: `^${run}` }, status: 'sent' });
  console.log(
    `throughput (outbox provider): ${NOTICES} notices (${sms} with SMS) in ${seconds.toFixed(1)} s ` +
      `at concurrency ${CONCURRENCY} → ${(NOTICES / seconds).toFixed(0)} notices/s`,
  );
}

function openStream(
  token: string,
  onNotice: (data: { ticketId: string; createdAt: string }) => void,
) {
  const req = httpRequest(
    `${NOTIFICATION_URL}/api/notifications/stream?recipientId=head-petition`,
    {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    },
  );
  return new Promise<() => void>((resolve, reject) => {
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream answered ${res.statusCode}`));
        return;
      }
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const data = buffer
            .slice(0, end)
            .split('\n')
            .find((line) => line.startsWith('data: '));
          if (data) onNotice(JSON.parse(data.slice(6)));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      });
      resolve(() => req.destroy());
    });
    req.on('error', reject);
    req.end();
  });
}

async function latency(): Promise<void> {
  const config = loadServiceConfig();
  const secret =
    process.env.JWT_SECRET ??
    readFileSync(join(process.env.DATA_DIR ?? 'data', 'jwt-secret'), 'utf8').trim();
  const token = await new JwtService({ secret }).signAsync(
    { sub: 'head-petition', name: 'bench', roles: ['handler'], dept: 'petition' },
    { expiresIn: 3600 },
  );
  const run = Date.now().toString(36).toUpperCase();
  const arrived = new Map<string, number>();
  /** Wall-clock ms from the notice's createdAt (stored by the activity) to its arrival here. */
  const storedToStream: number[] = [];
  const close = await openStream(token, (data) => {
    if (data.ticketId?.startsWith(`BENCH${run}`) && !arrived.has(data.ticketId)) {
      arrived.set(data.ticketId, performance.now());
      storedToStream.push(Date.now() - Date.parse(data.createdAt));
    }
  });
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter: stackDataConverter(),
  });
  const policy = parsePolicy({ NOTIFY_QUIET_HOURS: 'off' });
  const samples: number[] = [];
  const handles: Awaited<ReturnType<typeof client.workflow.start>>[] = [];
  const startTicket = async (i: number): Promise<void> => {
    const ticketId = `BENCH${run}${String(i).padStart(3, '0')}`;
    const input = petitionTicket(ticketId, policy);
    const started = performance.now();
    handles.push(await client.workflow.start('ticketWorkflow', ticketWorkflowOptions(input)));
    const deadline = Date.now() + 30_000;
    while (!arrived.has(ticketId) && Date.now() < deadline) await sleep(2);
    if (!arrived.has(ticketId)) throw new Error(`${ticketId}: no notice on the stream in 30 s`);
    samples.push(arrived.get(ticketId)! - started);
  };
  try {
    if (LATENCY_RATE > 0) {
      // A steady rate: a ticket every 1/rate s, whether or not the ones before have arrived.
      const waits: Promise<void>[] = [];
      const begun = performance.now();
      for (let i = 0; i < TICKETS; i++) {
        await sleep(begun + (i * 1000) / LATENCY_RATE - performance.now());
        waits.push(startTicket(i));
      }
      await Promise.all(waits);
    } else {
      for (let i = 0; i < TICKETS; i++) await startTicket(i);
    }
  } finally {
    close();
    for (const handle of handles) await handle.terminate('benchmark done').catch(() => undefined);
    await connection.close();
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const storedSorted = [...storedToStream].sort((a, b) => a - b);
  const pace = LATENCY_RATE > 0 ? `${LATENCY_RATE} tickets/s` : 'one at a time';
  console.log(
    `latency workflow start → SSE (${samples.length} tickets, ${pace}): ` +
      `p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, ` +
      `max ${sorted.at(-1)!.toFixed(0)} ms; of which notice stored → on the stream: ` +
      `p50 ${percentile(storedSorted, 50).toFixed(0)} ms, p99 ${percentile(storedSorted, 99).toFixed(0)} ms`,
  );
  reportFigures('notification', [
    {
      figure: `dispatch → notice on an open SSE stream p99 (${pace})`,
      value: percentile(sorted, 99),
      unit: 'ms',
      aim: { below: 500 },
      note: `stored → stream p99 ${percentile(storedSorted, 99).toFixed(0)} ms`,
    },
  ]);
}

async function main(): Promise<void> {
  const connection = await mongoose.createConnection(loadServiceConfig().mongodbUri).asPromise();
  try {
    if (PARTS.includes('throughput')) await throughput(connection);
  } finally {
    await connection.close();
  }
  if (PARTS.includes('latency')) {
    if (PARTS.includes('throughput')) {
      // the service's feed passes the throughput run's notices on first (another process's
      // notices: read from the database once); the latency samples should not include that
      await new Promise((resolve) => setTimeout(resolve, 15_000));
    }
    await latency();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
