import { randomUUID } from 'node:crypto';
import { StartReconciler } from '../../apps/intake/src/faults/start-reconciler';
import { IdempotencyRecords } from '../../apps/intake/src/idempotency/idempotency-records';
import { idempotencyKeyModel, workflowStartModel } from '../../libs/database/src';
import { FaultProxy } from '../support/fault-proxy';
import { filingComplaint, IntakeTestApp, randomMobile } from '../support/intake-app';
import { eventually } from '../support/temporal-harness';
import { testEnv } from '../support/test-env';

/** The intake with Temporal and the database behind proxies that a test cuts and restores. */
describe('intake under faults', () => {
  const t = new IntakeTestApp();
  let temporal: FaultProxy;
  let database: FaultProxy;

  beforeAll(async () => {
    const env = testEnv();
    temporal = FaultProxy.to(env.temporalAddress);
    const mongo = new URL(env.mongodbUri);
    database = new FaultProxy(mongo.hostname, Number(mongo.port));
    await Promise.all([temporal.up(), database.up()]);
    mongo.port = String(database.port);
    await t.start({ temporalAddress: temporal.address, mongodbUri: mongo.toString() });
  });
  afterAll(async () => {
    await Promise.all([temporal.up(), database.up()]);
    await t.stop();
    await Promise.all([temporal.down(), database.down()]);
  });

  const models = () => ({
    workflowStarts: workflowStartModel(t.harness.database),
    idempotency: idempotencyKeyModel(t.harness.database),
  });
  const tickets = () => t.harness.database.collection('tickets');
  const voicemails = () => t.harness.database.collection('voicemails');
  const voicemail = () => ({
    callerPhone: randomMobile(),
    receivedAt: '2026-11-28T22:10:00+08:00',
    recordingRef: 'rec-1',
  });
  const timed = async <T>(request: PromiseLike<T>) => {
    const started = Date.now();
    const response = await request;
    return { response, ms: Date.now() - started };
  };

  describe('Temporal down', () => {
    let agent: Awaited<ReturnType<IntakeTestApp['as']>>;
    beforeAll(async () => {
      agent = await t.as('agent01');
      await temporal.down();
    });
    afterAll(() => temporal.up());

    it('POST /api/tickets: 503 in Chinese within 2 s, nothing stored', async () => {
      const body = filingComplaint();
      const { response, ms } = await timed(agent.post('/api/tickets').send(body));
      expect(response.status).toBe(503);
      expect(response.body.message).toContain('工作流服务暂不可用');
      expect(ms).toBeLessThan(2_000);
      expect(await tickets().countDocuments({ 'caller.phone': body.caller.phone })).toBe(0);
    });

    it('POST /api/voicemails: 503 within 2 s, nothing stored', async () => {
      const body = voicemail();
      const { response, ms } = await timed(agent.post('/api/voicemails').send(body));
      expect(response.status).toBe(503);
      expect(ms).toBeLessThan(2_000);
      expect(await voicemails().countDocuments({ callerPhone: body.callerPhone })).toBe(0);
    });

    it('bad input is still a 400, not a 503', async () => {
      const response = await agent.post('/api/tickets').send({ channel: 'phone' });
      expect(response.status).toBe(400);
    });
  });

  it('Temporal back: the same app logs a ticket again without a restart', async () => {
    await temporal.up();
    const response = await eventually(
      async () => {
        const r = await (await t.as('agent01')).post('/api/tickets').send(filingComplaint());
        expect(r.status).toBe(201);
        return r;
      },
      'a ticket logged once Temporal is back',
      15_000,
    );
    expect(response.body.status).toBe('dispatched');
  });

  describe('database down', () => {
    let agent: Awaited<ReturnType<IntakeTestApp['as']>>;
    beforeAll(async () => {
      agent = await t.as('agent01');
      await database.down();
    });
    afterAll(() => database.up());

    it('POST /api/tickets: 503 in Chinese within 2 s, never a hang or a 500', async () => {
      const { response, ms } = await timed(agent.post('/api/tickets').send(filingComplaint()));
      expect(response.status).toBe(503);
      expect(response.body.message).toMatch(/暂不可用/);
      expect(ms).toBeLessThan(2_000);
    });

    it('GET /api/tickets: 503 within 2 s', async () => {
      const { response, ms } = await timed(agent.get('/api/tickets'));
      expect(response.status).toBe(503);
      expect(ms).toBeLessThan(2_000);
    });
  });

  it('database back: the same app reconnects by itself', async () => {
    await database.up();
    await eventually(
      async () => {
        const r = await (await t.as('agent01')).post('/api/tickets').send(filingComplaint());
        expect(r.status).toBe(201);
      },
      'a ticket logged once the database is back',
      20_000,
    );
  });

  describe('the reconciler', () => {
    const leftBehind = async (ticketId: string) => {
      await models().workflowStarts.create({
        _id: `ticket-${ticketId}`,
        kind: 'ticket',
        ref: ticketId,
        createdAt: new Date(Date.now() - 60_000),
      });
    };

    it('removes a row whose workflow never started, keeps one whose workflow runs', async () => {
      const started = await (await t.as('agent01')).post('/api/tickets').send(filingComplaint());
      expect(started.status).toBe(201);
      await leftBehind(started.body.id);
      const orphan = `T20261128-${String(900000 + Math.floor(Math.random() * 99999))}`;
      await tickets().insertOne({
        _id: orphan as never,
        status: 'open',
        caller: { name: '李四', phone: randomMobile() },
        receivedAt: new Date(),
      });
      await leftBehind(orphan);

      const tally = await t.app.get(StartReconciler).sweep();
      expect(tally).toMatchObject({ started: expect.any(Number), rolled_back: expect.any(Number) });
      expect(tally.rolled_back).toBeGreaterThanOrEqual(1);
      expect(await tickets().countDocuments({ _id: orphan as never })).toBe(0);
      expect(await tickets().countDocuments({ _id: started.body.id })).toBe(1);
      expect(
        await models().workflowStarts.countDocuments({ ref: { $in: [orphan, started.body.id] } }),
      ).toBe(0);
    });

    it('leaves a start for later while Temporal cannot say', async () => {
      const id = `T20261128-${String(800000 + Math.floor(Math.random() * 99999))}`;
      await leftBehind(id);
      await temporal.down();
      try {
        const tally = await t.app.get(StartReconciler).sweep();
        expect(tally.unknown).toBeGreaterThanOrEqual(1);
        expect(await models().workflowStarts.countDocuments({ ref: id })).toBe(1);
      } finally {
        await temporal.up();
      }
      await eventually(
        async () => {
          await t.app.get(StartReconciler).sweep();
          expect(await models().workflowStarts.countDocuments({ ref: id })).toBe(0);
        },
        'the start settled once Temporal answers',
        15_000,
      );
    });
  });

  describe('Idempotency-Key', () => {
    it('voicemails: the same key and body answer the same voicemail; another body is 422', async () => {
      const agent = await t.as('telephony');
      const key = randomUUID();
      const body = voicemail();
      const first = await agent.post('/api/voicemails').set('Idempotency-Key', key).send(body);
      expect(first.status).toBe(201);
      const again = await agent.post('/api/voicemails').set('Idempotency-Key', key).send(body);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.id).toBe(first.body.id);
      expect(await voicemails().countDocuments({ callerPhone: body.callerPhone })).toBe(1);
      const other = await agent
        .post('/api/voicemails')
        .set('Idempotency-Key', key)
        .send({ ...body, recordingRef: 'rec-2' });
      expect(other.status).toBe(422);
    });

    it('a key older than IDEMPOTENCY_TTL_DAYS is forgotten: the same key makes a new ticket', async () => {
      const agent = await t.as('agent01');
      const key = randomUUID();
      const body = filingComplaint();
      const first = await agent.post('/api/tickets').set('Idempotency-Key', key).send(body);
      expect(first.status).toBe(201);
      await models().idempotency.updateOne(
        { _id: `agent01:${key}` },
        { $set: { createdAt: new Date(Date.now() - 8 * 24 * 3600_000) } },
      );
      const later = await agent.post('/api/tickets').set('Idempotency-Key', key).send(body);
      expect(later.status).toBe(201);
      expect(later.headers['idempotent-replayed']).toBeUndefined();
      expect(later.body.id).not.toBe(first.body.id);
    });

    it('the purge removes expired keys and keeps live ones', async () => {
      const old = `agent01:${randomUUID()}`;
      const live = `agent01:${randomUUID()}`;
      for (const [id, age] of [
        [old, 8],
        [live, 1],
      ] as const) {
        await models().idempotency.create({
          _id: id,
          scope: 'POST /api/tickets',
          bodyHash: 'x',
          ticketId: 'T20261128-0001',
          createdAt: new Date(Date.now() - age * 24 * 3600_000),
        });
      }
      expect(await t.app.get(IdempotencyRecords).purge()).toBeGreaterThanOrEqual(1);
      expect(await models().idempotency.countDocuments({ _id: old })).toBe(0);
      expect(await models().idempotency.countDocuments({ _id: live })).toBe(1);
    });
  });
});
