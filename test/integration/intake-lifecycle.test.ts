import { notificationModels } from '../../libs/database/src';
import { filingComplaint, IntakeTestApp } from '../support/intake-app';
import { eventually } from '../support/temporal-harness';

/** The lifecycle additions through the HTTP API: roles (403), states (409), input (400). */
describe('intake: the rest of a ticket’s life', () => {
  const t = new IntakeTestApp();
  beforeAll(() => t.start());
  afterAll(() => t.stop());

  /** 4.2, the judge could not be reached: a transfer to judge01 (civil, head head-civil). */
  async function toJudge(): Promise<{ id: string; feedbackBy: string }> {
    const r = await (await t.as('agent01')).post('/api/tickets').send(
      filingComplaint({
        type: 'contact_judge',
        complaint: null,
        flags: { urgent: false, abusive: false, litigationRights: false, couldNotReachJudge: true },
        content: '多次联系承办法官未果，请转告李法官回电',
      }),
    );
    expect(r.status).toBe(201);
    expect(r.body.disposition.target.id).toBe('judge01');
    return { id: r.body.id, feedbackBy: r.body.deadlines.feedbackBy };
  }
  const post = async (user: string, path: string, body: Record<string, unknown> = {}) =>
    (await t.as(user)).post(path).send(body);

  it('accept and progress: only the handler addressed, accept once; both on the ticket', async () => {
    const { id } = await toJudge();
    expect((await post('head-civil', `/api/tickets/${id}/accept`)).status).toBe(403);
    expect((await post('agent01', `/api/tickets/${id}/accept`)).status).toBe(403);
    const accepted = await post('judge01', `/api/tickets/${id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.acceptedAt).toEqual(expect.any(String));
    const again = await post('judge01', `/api/tickets/${id}/accept`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/已签收/);

    expect((await post('judge01', `/api/tickets/${id}/progress`, {})).status).toBe(400);
    const progress = await post('judge01', `/api/tickets/${id}/progress`, {
      note: '已联系书记员，明日回电',
    });
    expect(progress.status).toBe(200);
    expect(progress.body.progressNotes).toEqual([
      { at: expect.any(String), by: 'judge01', note: '已联系书记员，明日回电' },
    ]);
    expect(progress.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['accepted', 'progress']),
    );
    // The agent reads the interim reply to a caller who rings again; the ledger has it too.
    const read = await (await t.as('agent01')).get(`/api/tickets/${id}`);
    expect(read.body.progressNotes[0].note).toBe('已联系书记员，明日回电');
    await eventually(async () => {
      const doc = await t.harness.database.collection('tickets').findOne({ _id: id as never });
      expect(doc?.acceptedAt).toBeInstanceOf(Date);
    }, 'ledger accepted');
    // The transfer's receipt reached the caller's number, read from the ledger, once.
    const receipts = await eventually(async () => {
      const sms = await notificationModels(t.harness.database)
        .sms.find({ ticketId: id, recipientId: 'caller' })
        .lean();
      expect(sms).toHaveLength(1);
      return sms;
    }, 'caller receipt');
    expect(receipts[0]).toMatchObject({ kind: 'caller_receipt' });
    expect(receipts[0]!.text).toContain(id);
  });

  it('return → reassign: new status, the agent picks a handler, a fresh window, both routes kept', async () => {
    const { id, feedbackBy } = await toJudge();
    expect((await post('judge01', `/api/tickets/${id}/return`, {})).status).toBe(400);
    expect((await post('head-filing', `/api/tickets/${id}/return`, { reason: 'x' })).status).toBe(
      403,
    );
    const returned = await post('judge01', `/api/tickets/${id}/return`, { reason: '不属本庭' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      returns: [{ by: 'judge01', departmentId: 'civil', reason: '不属本庭' }],
    });
    expect(returned.body.deadlines.feedbackBy).toBeNull();
    expect((await post('judge01', `/api/tickets/${id}/return`, { reason: 'x' })).status).toBe(409);

    expect(
      (
        await post('judge01', `/api/tickets/${id}/reassign`, {
          targetId: 'head-filing',
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    const unknown = await post('agent01', `/api/tickets/${id}/reassign`, {
      targetId: 'nobody',
      reason: '改由立案庭',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('targetId');
    const reassigned = await post('agent01', `/api/tickets/${id}/reassign`, {
      targetId: 'head-filing',
      reason: '改由立案庭办理',
    });
    expect(reassigned.status).toBe(200);
    expect(reassigned.body).toMatchObject({
      status: 'dispatched',
      handlerId: 'head-filing',
      departmentId: 'filing',
      disposition: { target: { id: 'head-filing' } },
      reassignments: [
        {
          by: 'agent01',
          reason: '改由立案庭办理',
          from: { id: 'judge01' },
          to: { id: 'head-filing' },
          fromDepartmentId: 'civil',
          toDepartmentId: 'filing',
          lostMs: expect.any(Number),
        },
      ],
    });
    expect(Date.parse(reassigned.body.deadlines.feedbackBy)).toBeGreaterThanOrEqual(
      Date.parse(feedbackBy),
    );
    // The handler of the new route may see and feed back; the old one no longer sees it.
    expect((await (await t.as('judge01')).get(`/api/tickets/${id}`)).status).toBe(403);
    const done = await post('head-filing', `/api/tickets/${id}/feedback`, { result: '已立案' });
    expect(done.status).toBe(200);
    const audit = await (await t.as('admin')).get(`/api/audit?ticketId=${id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('ticket.reassign');
  });

  it('extension: the handler asks, the head of civil approves; the deadline moves', async () => {
    const { id, feedbackBy } = await toJudge();
    const until = new Date(Date.parse(feedbackBy) + 2 * 86_400_000).toISOString();
    const bad = await post('judge01', `/api/tickets/${id}/extension`, {
      until: '下周',
      reason: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('until');
    const past = await post('judge01', `/api/tickets/${id}/extension`, {
      until: '2020-01-01',
      reason: 'x',
    });
    expect(past.status).toBe(400);
    expect(past.body.message).toMatch(/晚于现在/);
    const early = await post('judge01', `/api/tickets/${id}/extension`, {
      until: new Date(Date.now() + 60_000).toISOString(),
      reason: '需要时间',
    });
    expect(early.status).toBe(400);
    expect(early.body.message).toMatch(/晚于当前反馈期限/);
    expect(
      (await post('head-civil', `/api/tickets/${id}/extension`, { until, reason: 'x' })).status,
    ).toBe(403);
    const asked = await post('judge01', `/api/tickets/${id}/extension`, {
      until,
      reason: '需调取外地卷宗',
    });
    expect(asked.status).toBe(200);
    expect(asked.body.extension).toMatchObject({
      status: 'pending',
      until,
      reason: '需调取外地卷宗',
    });
    expect(
      (await post('judge01', `/api/tickets/${id}/extension`, { until, reason: '再次' })).status,
    ).toBe(409);
    expect(
      (await post('judge01', `/api/tickets/${id}/extension/decision`, { approve: true })).status,
    ).toBe(403);
    expect(
      (await post('agent01', `/api/tickets/${id}/extension/decision`, { approve: true })).status,
    ).toBe(403);
    expect(
      (await post('head-civil', `/api/tickets/${id}/extension/decision`, { approve: 'yes' }))
        .status,
    ).toBe(400);
    const approved = await post('head-civil', `/api/tickets/${id}/extension/decision`, {
      approve: true,
      note: '同意',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.deadlines.feedbackBy).toBe(until);
    expect(approved.body.extension).toMatchObject({ status: 'approved', decidedBy: 'head-civil' });
    expect(
      (await post('supervisor01', `/api/tickets/${id}/extension/decision`, { approve: false }))
        .status,
    ).toBe(409);
    // Extensions show in the ledger.
    await eventually(async () => {
      const doc = await t.harness.database.collection('tickets').findOne({ _id: id as never });
      expect(doc?.extension).toMatchObject({ status: 'approved' });
    }, 'ledger extension');
  });

  it('a supervisor refuses: the original deadline stands', async () => {
    const { id, feedbackBy } = await toJudge();
    const until = new Date(Date.parse(feedbackBy) + 86_400_000).toISOString();
    await post('judge01', `/api/tickets/${id}/extension`, { until, reason: '需要时间' });
    const refused = await post('supervisor01', `/api/tickets/${id}/extension/decision`, {
      approve: false,
      note: '请按期反馈',
    });
    expect(refused.status).toBe(200);
    expect(refused.body.deadlines.feedbackBy).toBe(feedbackBy);
    expect(refused.body.extension).toMatchObject({ status: 'refused', note: '请按期反馈' });
  });

  it('search matches content and feedback text (Chinese substrings)', async () => {
    const { id } = await toJudge();
    await post('judge01', `/api/tickets/${id}/feedback`, {
      result: '已由李法官电话答复当事人调解安排',
    });
    const agent = await t.as('agent01');
    await eventually(async () => {
      const r = await agent.get(`/api/tickets?q=${encodeURIComponent('调解安排')}`);
      expect(r.body.items.map((i: { id: string }) => i.id)).toContain(id);
    }, 'feedback searchable');
    const r = await agent.get(`/api/tickets?q=${encodeURIComponent('转告李法官')}`);
    expect(r.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });
});
