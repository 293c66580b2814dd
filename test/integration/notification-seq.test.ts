import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Notice, NotificationDelivery } from '@court/notifications';
import { getConnectionToken } from '@nestjs/mongoose';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type mongoose from 'mongoose';
import { NotificationModule } from '../../apps/notification/src/notification.module';
import {
  NOTIFICATION_DELIVERY,
  SmsReleaseTimer,
} from '../../apps/notification/src/notification.providers';
import { NOTIFICATION_WORKER } from '../../apps/notification/src/notification-worker.provider';
import { TokenService } from '../../libs/auth/src';
import { configureHttpApp } from '../../libs/common/src';
import { notificationModels, Storage } from '../../libs/database/src';
import { eventually } from '../support/temporal-harness';
import { testEnv, uniqueId } from '../support/test-env';

interface Received {
  id: number;
  key: string;
  seq: number;
}

/** Reads an SSE stream's `notice` events (id and notice key). */
class NoticeReader {
  readonly events: Received[] = [];
  private response?: IncomingMessage;
  private buffer = '';

  static async open(url: string, token: string, lastEventId?: number): Promise<NoticeReader> {
    const reader = new NoticeReader();
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        url,
        {
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'text/event-stream',
            ...(lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {}),
          },
        },
        (res) => {
          if (res.statusCode !== 200) reject(new Error(`stream answered ${res.statusCode}`));
          reader.response = res;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => reader.feed(chunk));
          resolve();
        },
      );
      req.on('error', reject);
      req.end();
    });
    return reader;
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const lines = this.buffer.slice(0, end).split('\n');
      this.buffer = this.buffer.slice(end + 2);
      const id = lines.find((l) => l.startsWith('id: '));
      const data = lines.find((l) => l.startsWith('data: '));
      if (id && data) {
        const notice = JSON.parse(data.slice(6)) as { id: string; seq: number };
        this.events.push({ id: Number(id.slice(4)), key: notice.id, seq: notice.seq });
      }
      end = this.buffer.indexOf('\n\n');
    }
  }

  keys(): string[] {
    return this.events.map((e) => e.key);
  }

  close(): void {
    this.response?.destroy();
  }
}

/**
 * Two notification processes store notices at once, each numbering them with its own clock
 * (no shared counter): every notice is stored with a unique number, and a stream of one of the
 * processes passes each on exactly once — its own at once, the other's through the look-back
 * re-read — though a notice may be committed after one with a larger number.
 */
describe('notice sequence numbers with two notification processes', () => {
  const PER_PROCESS = 200;
  const saved = { ...process.env };
  let app: NestExpressApplication;
  let base: string;
  let here: NotificationDelivery;
  let elsewhere: NotificationDelivery;
  let token: string;
  const reader = uniqueId('seq-reader');

  const notice = (n: number, from: string): Notice => {
    const ticketId = uniqueId('T');
    return {
      key: `${ticketId}:red_light:${reader}:${from}${n}`,
      recipientId: reader,
      kind: 'red_light',
      facts: { ticketId, typeLabel: '信访申诉' },
      sms: false,
      urgent: false,
    };
  };

  beforeAll(async () => {
    testEnv();
    process.env.NOTIFY_STREAM_CATCHUP_MS = '200';
    const moduleRef = await Test.createTestingModule({ imports: [NotificationModule] })
      // neither the activity worker nor the release sweep: other files' workflows and SMS
      .overrideProvider(NOTIFICATION_WORKER)
      .useValue({})
      .overrideProvider(SmsReleaseTimer)
      .useValue({})
      .compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      logger: false,
    });
    configureHttpApp(app, 'test');
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    here = app.get(NOTIFICATION_DELIVERY);
    const connection = app.get<mongoose.Connection>(getConnectionToken());
    elsewhere = new NotificationDelivery({ storage: new Storage(connection) });
    token = await app
      .get(TokenService)
      .issue({ id: reader, name: '读者', roles: ['handler'], departmentId: null });
  });

  afterAll(async () => {
    await app.close();
    process.env = saved;
  });

  it(`2 × ${PER_PROCESS} notices at once: all stored, unique numbers, each streamed exactly once`, async () => {
    const url = `${base}/api/notifications/stream?recipientId=${reader}`;
    const live = await NoticeReader.open(url, token);
    const notices = {
      here: Array.from({ length: PER_PROCESS }, (_, i) => notice(i, 'h')),
      elsewhere: Array.from({ length: PER_PROCESS }, (_, i) => notice(i, 'e')),
    };
    const all = [...notices.here, ...notices.elsewhere].map((n) => n.key);

    const started = Date.now();
    await Promise.all([
      ...notices.here.map((n) => here.deliver(n, null)),
      ...notices.elsewhere.map((n) => elsewhere.deliver(n, null)),
    ]);
    const storedIn = Date.now() - started;

    const { inbox } = notificationModels(app.get<mongoose.Connection>(getConnectionToken()));
    const stored = await inbox.find({ recipientId: reader }).lean();
    expect(stored.map((n) => n._id).sort()).toEqual([...all].sort());
    const seqs = stored.map((n) => n.seq!);
    expect(new Set(seqs).size).toBe(all.length);
    expect(seqs.every((s) => Number.isSafeInteger(s))).toBe(true);

    await eventually(
      async () => {
        if (live.events.length < all.length) throw new Error(`${live.events.length} streamed`);
      },
      'every notice streamed',
      30_000,
    );
    const streamedIn = Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // more catch-up rounds: no repeats
    expect(live.events).toHaveLength(all.length);
    expect(live.keys().sort()).toEqual([...all].sort());
    const ids = live.events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b)); // Last-Event-ID never goes back
    // how often a notice reached the stream after one with a larger number
    let late = 0;
    let highest = 0;
    for (const e of live.events) {
      if (e.seq < highest) late += 1;
      highest = Math.max(highest, e.seq);
    }
    live.close();
    console.log(
      `${all.length} notices from two processes: stored in ${storedIn} ms, all on the stream after ${streamedIn} ms; ${late} arrived after a larger number`,
    );

    // A client that stopped half-way resumes with its Last-Event-ID: everything after it
    // arrives once; a repeat can only be one it had, from the look-back window.
    const half = live.events[PER_PROCESS - 1]!;
    const had = new Set(live.events.slice(0, PER_PROCESS).map((e) => e.key));
    const resumed = await NoticeReader.open(url, token, half.id);
    const rest = live.events.slice(PER_PROCESS).map((e) => e.key);
    await eventually(
      async () => {
        const got = new Set(resumed.keys());
        if (!rest.every((k) => got.has(k))) throw new Error(`${got.size} replayed`);
      },
      'the rest replayed',
      20_000,
    );
    resumed.close();
    const counts = new Map<string, number>();
    for (const k of resumed.keys()) counts.set(k, (counts.get(k) ?? 0) + 1);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    const repeats = resumed.keys().filter((k) => had.has(k));
    const window = 5_000 * 1000;
    for (const e of resumed.events.filter((x) => had.has(x.key))) {
      expect(e.seq).toBeGreaterThan(half.id - window);
    }
    console.log(
      `resumed after ${PER_PROCESS} of ${all.length}: ${rest.length} replayed once each, ${repeats.length} repeated from the look-back window`,
    );
  }, 90_000);
});
