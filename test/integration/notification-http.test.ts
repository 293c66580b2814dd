import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Notice, NotificationDelivery } from '@court/notifications';
import { getConnectionToken } from '@nestjs/mongoose';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type mongoose from 'mongoose';
import request from 'supertest';
import { NotificationModule } from '../../apps/notification/src/notification.module';
import { NOTIFICATION_DELIVERY } from '../../apps/notification/src/notification.providers';
import { ticketActivities } from '../../apps/worker/src/ticket-worker.provider';
import { type Principal, TokenService } from '../../libs/auth/src';
import { configureHttpApp } from '../../libs/common/src';
import { Storage } from '../../libs/database/src';
import { ticketWorkflowOptions } from '../../workflows/ticket/contract';
import { eventually, testDataConverter } from '../support/temporal-harness';
import { testEnv, uniqueId } from '../support/test-env';
import { seedDirectoryPeople, shortPolicy, ticketInput } from '../support/ticket-harness';

interface SseEvent {
  id: string | null;
  event: string | null;
  data: unknown;
}

/** A minimal EventSource: collects events, reconnect is up to the test (with Last-Event-ID). */
class SseClient {
  readonly events: SseEvent[] = [];
  status = 0;
  private response?: IncomingMessage;
  private buffer = '';

  static async open(url: string, token: string, lastEventId?: string): Promise<SseClient> {
    const client = new SseClient();
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        url,
        {
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'text/event-stream',
            ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
          },
        },
        (res) => {
          client.status = res.statusCode ?? 0;
          client.response = res;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => client.feed(chunk));
          resolve();
        },
      );
      req.on('error', reject);
      req.end();
    });
    return client;
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event: SseEvent = { id: null, event: null, data: null };
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('id: ')) event.id = line.slice(4);
        else if (line.startsWith('event: ')) event.event = line.slice(7);
        else if (line.startsWith('data: ')) data += line.slice(6);
      }
      if (data) {
        event.data = JSON.parse(data);
        this.events.push(event);
      }
      end = this.buffer.indexOf('\n\n');
    }
  }

  async waitFor(count: number, timeoutMs = 10_000): Promise<SseEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count) {
      if (Date.now() > deadline) {
        throw new Error(`SSE: ${this.events.length} events, wanted ${count}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.events;
  }

  close(): void {
    this.response?.destroy();
  }
}

const people: Record<string, Principal> = {
  judge: { id: 'judge01', name: '法官', roles: ['handler'], departmentId: 'civil' },
  head: { id: 'head-civil', name: '庭长', roles: ['handler'], departmentId: 'civil' },
  agent: { id: 'agent01', name: '座席', roles: ['agent'], departmentId: null },
  supervisor: { id: 'supervisor01', name: '主管', roles: ['supervisor'], departmentId: null },
  admin: { id: 'admin', name: '管理员', roles: ['admin'], departmentId: null },
};

describe('notification service HTTP: inbox, mark read, SSE with resume, SMS list', () => {
  let app: NestExpressApplication;
  let base: string;
  let delivery: NotificationDelivery;
  const tokens: Record<string, string> = {};

  const deliver = (notices: Notice[]) => Promise.all(notices.map((n) => delivery.deliver(n, null)));
  const inboxNotice = (recipientId: string, kind: Notice['kind'] = 'dispatch'): Notice => {
    const ticketId = uniqueId('T');
    return {
      key: `${ticketId}:${kind}:${recipientId}:first`,
      recipientId,
      kind,
      facts: { ticketId, typeLabel: '信访申诉', deadline: new Date().toISOString() },
      sms: !recipientId.startsWith('group:'),
      urgent: false,
    };
  };

  beforeAll(async () => {
    testEnv();
    process.env.NOTIFY_STREAM_CATCHUP_MS = '300';
    const moduleRef = await Test.createTestingModule({ imports: [NotificationModule] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      logger: false,
    });
    configureHttpApp(app, 'test');
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    delivery = app.get(NOTIFICATION_DELIVERY);
    await seedDirectoryPeople(app.get<mongoose.Connection>(getConnectionToken()));
    const issuer = app.get(TokenService);
    for (const [name, principal] of Object.entries(people)) {
      tokens[name] = await issuer.issue(principal);
    }
  });

  afterAll(async () => {
    await app.close();
  });

  const get = (path: string, who?: string) => {
    const r = request(app.getHttpServer()).get(path);
    return who ? r.set('Authorization', `Bearer ${tokens[who]}`) : r;
  };

  it('needs a token (401), and answers health without one', async () => {
    await get('/api/notifications').expect(401);
    await get('/api/sms').expect(401);
    await get('/health').expect(200);
  });

  it('lists a recipient’s notices; own and group inboxes yes, others’ 403, supervisors any', async () => {
    const mine = inboxNotice('judge01');
    const group = inboxNotice('group:agent', 'reminder_late');
    await deliver([mine, group]);

    const own = await get('/api/notifications?recipientId=judge01', 'judge').expect(200);
    const item = own.body.items.find((i: { id: string }) => i.id === mine.key);
    expect(item).toMatchObject({
      id: mine.key,
      recipientId: 'judge01',
      ticketId: mine.facts.ticketId,
      kind: 'dispatch',
      readAt: null,
    });
    expect(item.text).toContain(`工单${mine.facts.ticketId}`);
    expect(Date.parse(item.createdAt)).not.toBeNaN();

    await get('/api/notifications?recipientId=judge01', 'head').expect(403);
    await get('/api/notifications?recipientId=group:agent', 'judge').expect(403);
    const agentGroup = await get('/api/notifications?recipientId=group:agent', 'agent').expect(200);
    expect(agentGroup.body.items.map((i: { id: string }) => i.id)).toContain(group.key);
    await get('/api/notifications?recipientId=judge01', 'supervisor').expect(200);
    await get('/api/notifications?recipientId=judge01', 'admin').expect(200);
    const forbidden = await get('/api/notifications?recipientId=judge01', 'agent').expect(403);
    expect(forbidden.body).toMatchObject({ statusCode: 403 });
    // without recipientId: own and own roles' group inboxes
    const agentAll = await get('/api/notifications', 'agent').expect(200);
    expect(agentAll.body.items.map((i: { id: string }) => i.id)).toContain(group.key);
    const bad = await get('/api/notifications?limit=0', 'judge').expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'limit' });
  });

  it('marks a notice read (only its recipient), and lists unread ones', async () => {
    const n = inboxNotice('judge01');
    await deliver([n]);
    const path = `/api/notifications/${encodeURIComponent(n.key)}/read`;
    await request(app.getHttpServer())
      .post(path)
      .set('Authorization', `Bearer ${tokens.head}`)
      .expect(403);
    const read = await request(app.getHttpServer())
      .post(path)
      .set('Authorization', `Bearer ${tokens.judge}`)
      .expect(200);
    expect(Date.parse(read.body.readAt)).not.toBeNaN();
    const again = await request(app.getHttpServer())
      .post(path)
      .set('Authorization', `Bearer ${tokens.judge}`)
      .expect(200);
    expect(again.body.readAt).toBe(read.body.readAt);
    const unread = await get('/api/notifications?recipientId=judge01&unread=true', 'judge').expect(
      200,
    );
    expect(unread.body.items.map((i: { id: string }) => i.id)).not.toContain(n.key);
    await request(app.getHttpServer())
      .post('/api/notifications/nope/read')
      .set('Authorization', `Bearer ${tokens.judge}`)
      .expect(404);
  });

  it('SSE: delivers a notice created after connecting, and replays missed ones after a reconnect', async () => {
    const url = `${base}/api/notifications/stream?recipientId=head-civil`;
    const denied = await SseClient.open(url, tokens.judge);
    expect(denied.status).toBe(403);
    denied.close();

    const first = await SseClient.open(url, tokens.head);
    expect(first.status).toBe(200);
    const a = inboxNotice('head-civil');
    const other = inboxNotice('judge01');
    await deliver([a]);
    await deliver([other]);
    const [got] = await first.waitFor(1);
    expect(got).toMatchObject({ event: 'notice', data: { id: a.key, recipientId: 'head-civil' } });
    expect(Number(got!.id)).toBe((got!.data as { seq: number }).seq);
    first.close();

    // while disconnected
    const missed = [inboxNotice('head-civil'), inboxNotice('head-civil', 'red_light')];
    for (const n of missed) await deliver([n]);
    const second = await SseClient.open(url, tokens.head, got!.id!);
    // The resumed stream looks back a few seconds (a notice committed late by another
    // process may carry a smaller number), so `a` may come again; the client drops it by id.
    // Other test files share the database and may notify head-civil meanwhile: only this
    // test's notices are compared (`other`, for judge01, must never come).
    const ours = new Set([a.key, other.key, ...missed.map((n) => n.key)]);
    await eventually(async () => {
      const keys = second.events
        .map((e) => (e.data as { id: string }).id)
        .filter((k) => ours.has(k));
      expect(keys.filter((k) => k !== a.key)).toEqual(missed.map((n) => n.key));
    }, 'missed notices replayed');
    const replayedKeys = second.events.map((e) => (e.data as { id: string }).id);
    expect(replayedKeys.filter((k) => k === a.key).length).toBeLessThanOrEqual(1);
    const ids = second.events.map((e) => Number(e.id));
    expect(ids[0]).toBeGreaterThanOrEqual(Number(got!.id)); // Last-Event-ID never goes back
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    // and it goes on live after the replay
    const live = inboxNotice('head-civil');
    await deliver([live]);
    const liveEvent = () => second.events.find((e) => (e.data as { id: string }).id === live.key);
    await eventually(async () => expect(liveEvent()).toBeDefined(), 'live notice after replay');
    expect(Number(liveEvent()!.id)).toBe((liveEvent()!.data as { seq: number }).seq);
    expect(second.events.map((e) => e.data as { id: string }).some((d) => d.id === other.key)).toBe(
      false,
    );
    second.close();
  });

  it('SSE: notices stored by another notification process arrive too, each once', async () => {
    const url = `${base}/api/notifications/stream?recipientId=head-civil`;
    const stream = await SseClient.open(url, tokens.head!);
    const connection = app.get<mongoose.Connection>(getConnectionToken());
    // another process: its own delivery, not on this process's bus
    const elsewhere = new NotificationDelivery({ storage: new Storage(connection) });
    const foreign = inboxNotice('head-civil', 'warning');
    await elsewhere.deliver(foreign, null);
    // on its own: found by the feed's timer (the other process's head moved)
    const arrived = (key: string) =>
      stream.events.some((e) => (e.data as { id: string }).id === key);
    await eventually(
      async () => expect(arrived(foreign.key)).toBe(true),
      'found by the timer',
      5_000,
    );
    const foreign2 = inboxNotice('head-civil', 'reminder');
    await elsewhere.deliver(foreign2, null);
    const local = inboxNotice('head-civil', 'red_light');
    await deliver([local]);
    // Other test files share the database and may notify head-civil meanwhile.
    const ours = new Set([foreign.key, foreign2.key, local.key]);
    const oursOnly = () => stream.events.filter((e) => ours.has((e.data as { id: string }).id));
    await eventually(async () => expect(oursOnly()).toHaveLength(3), 'three notices, one each');
    await new Promise((resolve) => setTimeout(resolve, 800)); // a few more catch-up rounds
    expect(oursOnly()).toHaveLength(3);
    const ids = stream.events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    stream.close();
  });

  it('GET /api/sms: supervisors and admins only, full number, status per message', async () => {
    const n = inboxNotice('judge01');
    await deliver([n]);
    await get(`/api/sms?ticketId=${n.facts.ticketId}`, 'judge').expect(403);
    await get(`/api/sms?ticketId=${n.facts.ticketId}`, 'admin').expect(200);
    const res = await get(`/api/sms?ticketId=${n.facts.ticketId}`, 'supervisor').expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        id: n.key,
        to: expect.stringMatching(/^1\d{10}$/),
        recipientId: 'judge01',
        ticketId: n.facts.ticketId,
        status: 'sent',
        provider: 'outbox',
      }),
    ]);
    expect(Date.parse(res.body.items[0].createdAt)).not.toBeNaN();
    await get('/api/sms?status=bogus', 'supervisor').expect(400);
  });

  it('OpenAPI documents the notification endpoints', async () => {
    const res = await get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/notifications',
        '/api/notifications/stream',
        '/api/notifications/{id}/read',
        '/api/sms',
      ]),
    );
  });

  it('a workflow dispatch reaches the handler’s SSE stream (real ticket workflow, this app’s worker)', async () => {
    const env = testEnv();
    const connection = await Connection.connect({ address: env.temporalAddress });
    const client = new Client({
      connection,
      namespace: env.namespace,
      dataConverter: testDataConverter(),
    });
    const native = await NativeConnection.connect({ address: env.temporalAddress });
    const taskQueue = uniqueId('tickets');
    const worker = await Worker.create({
      connection: native,
      namespace: env.namespace,
      dataConverter: testDataConverter(),
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities: ticketActivities(app.get(Storage), {}),
    });
    const running = worker.run();
    const stream = await SseClient.open(
      `${base}/api/notifications/stream?recipientId=head-petition`,
      await app
        .get(TokenService)
        .issue({ id: 'head-petition', name: '信访', roles: ['handler'], departmentId: 'petition' }),
    );
    try {
      const input = ticketInput(
        { type: 'petition' },
        shortPolicy({ POLICY_FEEDBACK_WITHIN: '60s' }),
      );
      const handle = await client.workflow.start(
        'ticketWorkflow',
        ticketWorkflowOptions(input, taskQueue),
      );
      const events = await stream.waitFor(1, 20_000);
      expect(events[0]!.data).toMatchObject({
        recipientId: 'head-petition',
        ticketId: input.ticketId,
        kind: 'dispatch',
      });
      await handle.terminate('test done');
    } finally {
      stream.close();
      worker.shutdown();
      await running;
      await native.close();
      await connection.close();
    }
  }, 60_000);
});
