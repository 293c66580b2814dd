import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { INTAKE_STORE } from '../../apps/intake/src/intake-store';
import { TicketCreation } from '../../apps/intake/src/tickets/ticket-creation.service';
import { TicketIdService } from '../../apps/intake/src/tickets/ticket-ids.service';
import { TicketWorkflowStart } from '../../apps/intake/src/tickets/ticket-workflow-start.service';
import { filingComplaint, IntakeTestApp, randomMobile } from '../support/intake-app';
import { eventually } from '../support/temporal-harness';

describe('intake: tickets', () => {
  const t = new IntakeTestApp();
  beforeAll(() => t.start());
  afterAll(() => t.stop());

  const tickets = () => t.harness.database.collection('tickets');
  const workflowExists = async (id: string) => {
    try {
      await t.harness.client.workflow.getHandle(`ticket-${id}`).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  };
  const create = async (body: Record<string, unknown>, key?: string) => {
    const request = (await t.as('agent01')).post('/api/tickets');
    if (key) request.set('Idempotency-Key', key);
    return request.send(body);
  };

  describe('POST /api/tickets', () => {
    it('logs a 4.5 complaint: 201, stored, workflow running, dispatched to head-filing', async () => {
      const body = filingComplaint();
      const r = await create(body);
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        id: expect.stringMatching(/^T\d{8}-\d{4}$/),
        status: 'dispatched',
        redLight: false,
        disposition: {
          action: 'transfer',
          rule: '4.5',
          target: { id: 'head-filing', name: expect.any(String), role: 'handler' },
        },
        deadlines: { dispatchBy: expect.any(String), feedbackBy: expect.any(String) },
      });
      expect(r.body.workflowId).toBe(`ticket-${r.body.id}`);
      const doc = await tickets().findOne({ _id: r.body.id });
      expect(doc).toMatchObject({
        caller: { name: '张三', phone: body.caller.phone },
        content: '反映立案庭拖延立案',
        loggedBy: 'agent01',
      });
      expect(await workflowExists(r.body.id)).toBe(true);
    });

    it('answers a case inquiry directly (4.1) and requires the answer', async () => {
      const body = filingComplaint({ type: 'case_inquiry', complaint: null, answer: null });
      const before = await tickets().countDocuments();
      const missing = await create(body);
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([{ field: 'answer', message: expect.any(String) }]);
      expect(await tickets().countDocuments()).toBe(before);
      const r = await create({ ...body, answer: '案件已排期，开庭时间另行通知' });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        status: 'answered',
        disposition: { action: 'direct_answer', rule: '4.1', target: null },
      });
    });

    it('records an override with its reason; without a reason → 400 override.reason', async () => {
      const body = filingComplaint({
        override: { action: 'transfer', targetId: 'head-civil', reason: null },
      });
      const bad = await create(body);
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('override.reason');
      const ok = await create(
        filingComplaint({
          override: { action: 'transfer', targetId: 'head-civil', reason: '涉及民事审判庭' },
        }),
      );
      expect(ok.status).toBe(201);
      expect(ok.body.disposition).toMatchObject({
        action: 'transfer',
        target: { id: 'head-civil' },
        overridden: true,
        overrideReason: '涉及民事审判庭',
      });
    });
  });

  describe('validation: each error names its field; nothing stored, no workflow', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['missing caller name', { caller: { phone: '13800138000' } }, 'caller.name'],
      ['missing caller phone', { caller: { name: '张三' } }, 'caller.phone'],
      ['bad phone', { caller: { name: '张三', phone: '12345' } }, 'caller.phone'],
      [
        'operator object as phone',
        { caller: { name: '张三', phone: { $gt: '' } } },
        'caller.phone',
      ],
      ['missing content', { content: '  ' }, 'content'],
      ['bad type', { type: 'gossip' }, 'type'],
      ['complaint without category', { complaint: null }, 'complaint'],
      ['bad category', { complaint: { category: 'food' } }, 'complaint.category'],
      ['unknown field', { colour: 'red' }, 'colour'],
      ['unknown nested field', { flags: { urgent: false, vip: true } }, 'flags.vip'],
      ['flag not boolean', { flags: { urgent: 'yes' } }, 'flags.urgent'],
      ['bad ringAt', { ringAt: 'yesterday' }, 'ringAt'],
      ['bad channel', { channel: 'fax' }, 'channel'],
      ['bad case number', { caseNumber: '民初1号' }, 'caseNumber'],
      [
        'unknown case (4.4 needs the judge)',
        { complaint: { category: 'conduct' }, caseNumber: '(2026)豫0782民初999号' },
        'caseNumber',
      ],
      ['voicemail id on a phone ticket', { voicemailId: 'V1' }, 'voicemailId'],
      [
        'override target unknown',
        { override: { action: 'transfer', targetId: 'nobody', reason: 'x' } },
        'override.targetId',
      ],
    ];
    it.each(cases)('%s → 400 naming %s', async (_name, change, field) => {
      const phone = randomMobile();
      const body = { ...filingComplaint(), ...change };
      if (!('caller' in change)) body.caller = { name: '张三', phone };
      const [count, claimed] = await Promise.all([
        tickets().countDocuments(),
        t.harness.database.collection('ticket_ids').countDocuments(),
      ]);
      const key = randomUUID();
      const r = await create(body, key);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      for (const e of r.body.errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]|should not exist/);
      expect(await tickets().countDocuments()).toBe(count);
      expect(await t.harness.database.collection('ticket_ids').countDocuments()).toBe(claimed);
      const keys = t.harness.database.collection<{ _id: string }>('idempotency_keys');
      expect(await keys.countDocuments({ _id: `agent01:${key}` })).toBe(0);
    });

    it('malformed JSON → 400, a body over 1 MB → 413, in the error shape', async () => {
      const token = await t.token('agent01');
      const malformed = await t
        .http()
        .post('/api/tickets')
        .set('Authorization', `Bearer ${token}`)
        .set('Content-Type', 'application/json')
        .send('{"caller":');
      expect(malformed.status).toBe(400);
      expect(malformed.body).toEqual({ statusCode: 400, message: expect.any(String) });
      const big = await create(filingComplaint({ content: 'x'.repeat(1_100_000) }));
      expect(big.status).toBe(413);
      expect(big.body).toEqual({ statusCode: 413, message: expect.any(String) });
    });
  });

  describe('Idempotency-Key', () => {
    it('same key and body → the same ticket; another body → 422', async () => {
      const key = randomUUID();
      const body = filingComplaint();
      const first = await create(body, key);
      const second = await create(body, key);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(await tickets().countDocuments({ 'caller.phone': body.caller.phone })).toBe(1);
      const other = await create({ ...body, content: '另一件事' }, key);
      expect(other.status).toBe(422);
      expect(other.body).toEqual({ statusCode: 422, message: expect.any(String) });
    });

    it('10 concurrent duplicates → one ticket, one workflow', async () => {
      const key = randomUUID();
      const body = filingComplaint();
      const responses = await Promise.all(Array.from({ length: 10 }, () => create(body, key)));
      for (const r of responses) expect(r.status).toBe(201);
      const ids = new Set(responses.map((r) => r.body.id));
      expect(ids.size).toBe(1);
      const [id] = [...ids];
      expect(await tickets().countDocuments({ 'caller.phone': body.caller.phone })).toBe(1);
      expect(await workflowExists(id)).toBe(true);
      const runs = t.harness.client.workflow.list({ query: `WorkflowId = 'ticket-${id}'` });
      let count = 0;
      for await (const _ of runs) count++;
      expect(count).toBeLessThanOrEqual(1);
    });

    it('two id allocators (two processes) claiming at once never share a number', async () => {
      const store = t.app.get(INTAKE_STORE);
      const a = new TicketIdService(store);
      const b = new TicketIdService(store);
      const ids = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).claim()),
      );
      expect(new Set(ids).size).toBe(30);
      for (const id of ids) expect(id).toMatch(/^T\d{8}-\d{4}$/);
    });

    it('10 concurrent creations without a key → 10 distinct sequential ids', async () => {
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => create(filingComplaint())),
      );
      const ids = responses.map((r) => r.body.id as string);
      expect(new Set(ids).size).toBe(10);
      for (const r of responses) expect(r.status).toBe(201);
    });

    it('the workflow start failed: 503, nothing stored; the retry with the key makes the ticket', async () => {
      const start = t.app.get(TicketWorkflowStart);
      const unavailable = Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
        code: 14,
        details: 'No connection established',
      });
      const spy = jest.spyOn(start, 'startRouted').mockRejectedValueOnce(unavailable);
      const key = randomUUID();
      const body = filingComplaint();
      const failed = await create(body, key);
      expect(failed.status).toBe(503);
      expect(failed.body).toEqual({
        statusCode: 503,
        message: expect.stringContaining('暂不可用'),
      });
      expect(failed.headers['retry-after']).toBeDefined();
      expect(await tickets().countDocuments({ 'caller.phone': body.caller.phone })).toBe(0);
      spy.mockRestore();

      const retried = await create(body, key);
      expect(retried.status).toBe(201);
      expect(retried.body).toMatchObject({ status: 'dispatched' });
      expect(await workflowExists(retried.body.id)).toBe(true);
      expect(await tickets().countDocuments({ 'caller.phone': body.caller.phone })).toBe(1);
    });

    it('workflow started but the response was not recorded: the retry answers the same ticket', async () => {
      const creation = t.app.get(TicketCreation);
      const spy = jest
        .spyOn(creation, 'saveResponse')
        .mockRejectedValueOnce(new Error('database went away'));
      const key = randomUUID();
      const body = filingComplaint();
      const failed = await create(body, key);
      expect(failed.status).toBe(500);
      spy.mockRestore();
      const doc = await tickets().findOne({ 'caller.phone': body.caller.phone });
      expect(await workflowExists(String(doc!._id))).toBe(true);
      const retried = await create(body, key);
      expect(retried.status).toBe(201);
      expect(retried.body.id).toBe(doc!._id);
      expect(await tickets().countDocuments({ 'caller.phone': body.caller.phone })).toBe(1);
    });
  });

  describe('reading', () => {
    let id: string;
    let phone: string;
    beforeAll(async () => {
      const body = filingComplaint();
      phone = body.caller.phone;
      id = (await create(body)).body.id;
    });

    it('GET /api/tickets/:id: the full ticket; phone in full for the agent, masked for admin', async () => {
      const r = await (await t.as('agent01')).get(`/api/tickets/${id}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        id,
        workflowId: `ticket-${id}`,
        channel: 'phone',
        type: 'complaint',
        complaint: { category: 'filing', specificClues: false },
        caseNumber: '(2026)豫0782民初1号',
        caller: { name: '张三', phone },
        content: '反映立案庭拖延立案',
        answer: null,
        flags: { litigationRights: true },
        status: 'dispatched',
        redLight: false,
        disposition: { action: 'transfer', rule: '4.5' },
        deadlines: {
          dispatchBy: expect.any(String),
          feedbackBy: expect.any(String),
          reminderBy: null,
          bulletinBy: null,
          callbackBy: null,
        },
        feedback: null,
        callback: null,
        repeatCalls: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(r.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(
        expect.arrayContaining(['created', 'dispatched']),
      );
      const admin = await (await t.as('admin')).get(`/api/tickets/${id}`);
      expect(admin.body.caller.phone).toMatch(/^139\*{4}\d{4}$/);
    });

    it('handlers see their own and their department head sees the department; others 403', async () => {
      expect((await (await t.as('head-filing')).get(`/api/tickets/${id}`)).status).toBe(200);
      const judge = await (await t.as('judge01')).get(`/api/tickets/${id}`);
      expect(judge.status).toBe(403);
      const list = await (await t.as('judge01')).get(`/api/tickets?phone=${phone}`);
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(0);
      const mine = await (await t.as('head-filing')).get(`/api/tickets?phone=${phone}`);
      expect(mine.body.total).toBe(1);
    });

    it('404 for an unknown ticket', async () => {
      const r = await (await t.as('agent01')).get('/api/tickets/T20000101-0001');
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ statusCode: 404, message: expect.any(String) });
    });

    it('GET /api/tickets filters and pages; phones masked in the list', async () => {
      const agent = await t.as('agent01');
      await eventually(async () => {
        const r = await agent.get(`/api/tickets?phone=${phone}&status=dispatched`);
        expect(r.body.total).toBe(1);
      }, 'ledger shows dispatched');
      const byPhone = await agent.get(`/api/tickets?phone=${phone}`);
      expect(byPhone.status).toBe(200);
      expect(byPhone.body).toMatchObject({ total: 1, page: 1, limit: 20 });
      expect(byPhone.body.items[0]).toMatchObject({ id, caller: { name: '张三' } });
      expect(byPhone.body.items[0].caller.phone).toMatch(/\*{4}/);
      expect(JSON.stringify(byPhone.body)).not.toContain(phone);
      const filters = [
        `type=complaint&phone=${phone}`,
        `redLight=false&phone=${phone}`,
        `targetId=head-filing&phone=${phone}`,
        `departmentId=filing&phone=${phone}`,
        `caseNumber=${encodeURIComponent('（2026）豫0782民初1号')}&phone=${phone}`,
        `from=2026-01-01&to=2099-12-31&phone=${phone}`,
        `status=overdue,dispatched&phone=${phone}`,
        `q=${encodeURIComponent('拖延立案')}&phone=${phone}`,
        `q=${encodeURIComponent(id.toLowerCase())}`,
      ];
      for (const q of filters) {
        const r = await agent.get(`/api/tickets?${q}`);
        expect([q, r.body.total]).toEqual([q, 1]);
      }
      const none = [
        `type=petition&phone=${phone}`,
        `redLight=true&phone=${phone}`,
        `targetId=judge01&phone=${phone}`,
        `to=2000-01-01&phone=${phone}`,
        `status=closed,answered&phone=${phone}`,
        `q=${encodeURIComponent('.*')}&phone=${phone}`,
      ];
      for (const q of none) {
        const r = await agent.get(`/api/tickets?${q}`);
        expect([q, r.body.total]).toEqual([q, 0]);
      }
      const paged = await agent.get('/api/tickets?limit=2&page=2');
      expect(paged.body).toMatchObject({ page: 2, limit: 2 });
      expect(paged.body.items.length).toBeLessThanOrEqual(2);
      expect(paged.body.total).toBeGreaterThan(2);
    });

    it('GET /api/tickets with bad query → 400 naming the parameter', async () => {
      const agent = await t.as('agent01');
      for (const [q, field] of [
        ['status=lost', 'status'],
        ['status=dispatched,lost', 'status'],
        ['limit=1000', 'limit'],
        ['page=0', 'page'],
        ['from=yesterday', 'from'],
        ['phone=abc', 'phone'],
        ['sort=id', 'sort'],
        ['phone[$gt]=', 'phone[$gt]'],
      ]) {
        const r = await agent.get(`/api/tickets?${q}`);
        expect([q, r.status]).toEqual([q, 400]);
        expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });
  });

  describe('proposal and repeat calls', () => {
    it('proposes without storing, and lists the caller’s earlier tickets (open first)', async () => {
      const body = filingComplaint({ caseNumber: null });
      const agent = await t.as('agent01');
      const empty = await agent.post('/api/tickets/proposal').send(body);
      expect(empty.status).toBe(200);
      expect(empty.body).toMatchObject({
        disposition: { action: 'transfer', rule: '4.5', target: { id: 'head-filing' } },
        repeat: false,
        earlierTickets: [],
      });
      expect(await tickets().countDocuments({ 'caller.phone': body.caller.phone })).toBe(0);
      const earlier = await create(body);
      const again = await agent.post('/api/tickets/proposal').send(body);
      expect(again.body.repeat).toBe(true);
      expect(again.body.earlierTickets[0]).toMatchObject({
        id: earlier.body.id,
        open: true,
        samePhone: true,
      });
    });

    it('offers 4.2 “could not reach the judge” after an earlier contact-judge ticket', async () => {
      const phone = randomMobile();
      const body = filingComplaint({
        caller: { name: '李四', phone },
        type: 'contact_judge',
        complaint: null,
        answer: '承办法官李明，电话 13903731001',
      });
      const agent = await t.as('agent01');
      const first = await agent.post('/api/tickets/proposal').send(body);
      expect(first.body.disposition).toMatchObject({ action: 'direct_answer', rule: '4.2' });
      expect(first.body.suggestions).toEqual([]);
      expect((await create(body)).status).toBe(201);
      const second = await agent.post('/api/tickets/proposal').send(body);
      expect(second.body.suggestions).toEqual([
        expect.objectContaining({ kind: 'could_not_reach_judge', rule: '4.2' }),
      ]);
      const transfer = await agent
        .post('/api/tickets/proposal')
        .send({ ...body, flags: { couldNotReachJudge: true } });
      expect(transfer.body.disposition).toMatchObject({
        action: 'transfer',
        rule: '4.2',
        target: { id: 'judge01' },
      });
    });

    it('POST /:id/repeat-calls with notHandledInTime turns the ticket overdue (red light)', async () => {
      const { id } = (await create(filingComplaint())).body;
      const agent = await t.as('agent01');
      const early = await agent.post(`/api/tickets/${id}/reminders`).send({});
      expect(early.status).toBe(409);
      expect(early.body).toEqual({ statusCode: 409, message: expect.any(String) });
      const r = await agent
        .post(`/api/tickets/${id}/repeat-calls`)
        .send({ note: '来电人称仍未处理', notHandledInTime: true });
      expect(r.status).toBe(200);
      expect(r.body.redLight).toBe(true);
      expect(['overdue', 'reminded']).toContain(r.body.status);
      expect(r.body.repeatCalls).toEqual([
        expect.objectContaining({ note: '来电人称仍未处理', notHandledInTime: true }),
      ]);
      const reminded = await agent
        .post(`/api/tickets/${id}/reminders`)
        .send({ note: '请尽快办理' });
      expect(reminded.status).toBe(200);
      expect(reminded.body.status).toBe('reminded');
      expect(reminded.body.reminders).toBeGreaterThanOrEqual(1);
    });
  });

  describe('feedback, callback, acknowledge', () => {
    it('feedback: not the handler → 403; the handler → 200 handled; again → 409; callback closes', async () => {
      const { id } = (await create(filingComplaint())).body;
      const judge = await (await t.as('judge01'))
        .post(`/api/tickets/${id}/feedback`)
        .send({ result: '已处理' });
      expect(judge.status).toBe(403);
      expect(judge.body).toEqual({ statusCode: 403, message: expect.stringMatching(/承办人/) });
      const empty = await (await t.as('head-filing')).post(`/api/tickets/${id}/feedback`).send({});
      expect(empty.status).toBe(400);
      expect(empty.body.errors[0].field).toBe('result');
      const ok = await (await t.as('head-filing'))
        .post(`/api/tickets/${id}/feedback`)
        .send({ result: '已联系当事人并立案' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        id,
        status: 'handled',
        redLight: false,
        feedback: { result: '已联系当事人并立案', by: 'head-filing' },
      });
      const again = await (await t.as('head-filing'))
        .post(`/api/tickets/${id}/feedback`)
        .send({ result: '再次反馈' });
      expect(again.status).toBe(409);

      const agent = await t.as('agent01');
      const bad = await agent.post(`/api/tickets/${id}/callback`).send({ reached: 'yes' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('reached');
      const closed = await agent
        .post(`/api/tickets/${id}/callback`)
        .send({ reached: true, satisfied: true, note: '满意' });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({
        status: 'closed',
        callback: { reached: true, satisfied: true, note: '满意', by: 'agent01' },
      });
      const twice = await agent.post(`/api/tickets/${id}/callback`).send({ reached: true });
      expect(twice.status).toBe(409);
      const view = await agent.get(`/api/tickets/${id}`);
      expect(view.body.status).toBe('closed');
    });

    it('4.2 transfer to the judge: the judge and the head of civil see it; the head feeds back', async () => {
      const body = filingComplaint({
        type: 'contact_judge',
        complaint: null,
        flags: { couldNotReachJudge: true },
      });
      const created = await create(body);
      expect(created.body.disposition).toMatchObject({
        action: 'transfer',
        rule: '4.2',
        target: { id: 'judge01' },
      });
      const { id } = created.body;
      expect((await (await t.as('judge01')).get(`/api/tickets/${id}`)).status).toBe(200);
      expect((await (await t.as('head-civil')).get(`/api/tickets/${id}`)).status).toBe(200);
      expect((await (await t.as('head-petition')).get(`/api/tickets/${id}`)).status).toBe(403);
      const civil = await (await t.as('head-civil')).get(`/api/tickets?phone=${body.caller.phone}`);
      expect(civil.body.total).toBe(1);
      const other = await (await t.as('head-petition'))
        .post(`/api/tickets/${id}/feedback`)
        .send({ result: '不是我的' });
      expect(other.status).toBe(403);
      const ok = await (await t.as('head-civil'))
        .post(`/api/tickets/${id}/feedback`)
        .send({ result: '已督促承办法官联系当事人' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'handled', feedback: { by: 'head-civil' } });
    });

    it('acknowledge: only a leader who received the escalation (4.8)', async () => {
      const { id, status } = (await create(filingComplaint({ flags: { urgent: true } }))).body;
      expect(status).toBe('escalated');
      const agent = await (await t.as('agent01')).post(`/api/tickets/${id}/acknowledge`).send({});
      expect(agent.status).toBe(403);
      const president = await (await t.as('president'))
        .post(`/api/tickets/${id}/acknowledge`)
        .send({});
      expect(president.status).toBe(403);
      const ok = await (await t.as('vice-chief-civil'))
        .post(`/api/tickets/${id}/acknowledge`)
        .send({ note: '已知悉，马上处理' });
      expect(ok.status).toBe(200);
      expect(ok.body.escalation).toMatchObject({ acknowledgedBy: 'vice-chief-civil' });
      const again = await (await t.as('chief-civil'))
        .post(`/api/tickets/${id}/acknowledge`)
        .send({});
      expect(again.status).toBe(409);
    });
  });

  describe('voicemail (Art. 6)', () => {
    it('telephony posts a voicemail; it waits until the next working day; logging a ticket marks it logged', async () => {
      const phone = randomMobile();
      const posted = await (await t.as('telephony')).post('/api/voicemails').send({
        callerPhone: phone,
        receivedAt: '2026-11-28T22:10:00+08:00',
        recordingRef: 'rec/1.wav',
      });
      expect(posted.status).toBe(201);
      // Saturday night → Monday 30 November 08:30 in Shanghai.
      expect(posted.body).toMatchObject({ id: expect.any(String), status: 'waiting' });
      expect(new Date(posted.body.dueAt).toISOString()).toBe('2026-11-30T00:30:00.000Z');

      const bad = await (await t.as('agent01'))
        .post('/api/voicemails')
        .send({ callerPhone: '123', receivedAt: 'tonight' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'callerPhone',
        'receivedAt',
      ]);

      const agent = await t.as('agent01');
      const waiting = await agent.get('/api/voicemails?status=waiting');
      expect(waiting.status).toBe(200);
      const item = waiting.body.items.find((v: { id: string }) => v.id === posted.body.id);
      expect(item).toMatchObject({
        status: 'waiting',
        callerPhone: expect.stringMatching(/\*{4}/),
      });
      expect(waiting.body.total).toBeGreaterThanOrEqual(1);
      expect((await agent.get('/api/voicemails?status=nope')).status).toBe(400);

      const full = await agent.get(`/api/voicemails/${posted.body.id}`);
      expect(full.body).toMatchObject({ id: posted.body.id, callerPhone: phone });

      const voicemailTicket = filingComplaint({
        channel: 'voicemail',
        voicemailId: posted.body.id,
        caller: { name: '王五', phone },
        type: 'litigation_consultation',
        complaint: null,
        answer: '已回电解答',
        ringAt: null,
        answeredAt: null,
      });
      const key = randomUUID();
      const ticket = await create(voicemailTicket, key);
      expect(ticket.status).toBe(201);
      expect(ticket.body.receivedAt).toBe('2026-11-28T14:10:00.000Z');
      const replay = await create(voicemailTicket, key);
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual(ticket.body);
      const logged = await agent.get('/api/voicemails?status=logged');
      expect(logged.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: posted.body.id,
            status: 'logged',
            ticketId: ticket.body.id,
          }),
        ]),
      );
      const view = await agent.get(`/api/tickets/${ticket.body.id}`);
      expect(view.body).toMatchObject({ channel: 'voicemail', voicemailId: posted.body.id });
      const twice = await create(
        filingComplaint({
          channel: 'voicemail',
          voicemailId: posted.body.id,
          type: 'litigation_consultation',
          complaint: null,
          answer: '再次登记',
        }),
      );
      expect(twice.status).toBe(409);
    });
  });
});
