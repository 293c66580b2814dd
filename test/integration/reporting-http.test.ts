import type { NestExpressApplication } from '@nestjs/platform-express';
import mongoose from 'mongoose';
import request from 'supertest';
import type { Role } from '../../libs/domain/src';
import { seedLedger } from '../support/ledger-seed';
import { binary, readWorkbook, startReportingApp } from '../support/reporting-app';
import { testEnv } from '../support/test-env';

/**
 * The reporting HTTP API on a hand-built ledger: tickets inserted straight into this run's
 * database, in a week of 2024 that no other test uses, with the right answers worked out
 * below ticket by ticket.
 */
const H = 3_600_000;
const BASE = Date.parse('2024-06-03T01:00:00Z'); // Monday 2024-06-03 09:00 Shanghai
const at = (ms: number) => new Date(BASE + ms);
const PERIOD = 'from=2024-06-03&to=2024-06-09';

function doc(id: string, hour: number, over: Record<string, unknown>) {
  const receivedAt = at(hour * H);
  return {
    _id: id,
    workflowId: `ticket-${id}`,
    type: 'case_inquiry',
    channel: 'phone',
    caseNumber: null,
    caller: { name: '张三', phone: '13800138000' },
    content: `来电内容 ${id}`,
    flags: {},
    status: 'answered',
    redLight: false,
    disposition: { action: 'direct_answer', rule: '4.1', target: null },
    handlerId: null,
    departmentId: null,
    deadlines: {},
    receivedAt,
    dispatchedAt: null,
    overdueAt: null,
    remindedAt: null,
    reminders: 0,
    bulletinedAt: null,
    feedback: null,
    handledAt: null,
    callbackDue: false,
    keyCallback: false,
    callback: null,
    closedAt: null,
    escalation: null,
    repeatCalls: [],
    provisionalDeadlines: false,
    loggedBy: 'agent01',
    ...over,
  };
}

function transfer(
  id: string,
  hour: number,
  dept: string,
  handler: string,
  over: Record<string, unknown>,
) {
  const receivedAt = BASE + hour * H;
  const dispatchedAt = (over.dispatchedAt as Date | undefined)?.getTime() ?? receivedAt + 0.2 * H;
  return doc(id, hour, {
    type: 'complaint',
    status: 'dispatched',
    disposition: {
      action: 'transfer',
      rule: '4.5',
      target: { id: handler, name: `name-${handler}`, role: 'handler' },
      departmentId: dept,
    },
    handlerId: handler,
    departmentId: dept,
    deadlines: {
      dispatchBy: new Date(receivedAt + 2 * H),
      feedbackBy: new Date(dispatchedAt + 72 * H),
    },
    dispatchedAt: new Date(dispatchedAt),
    ...over,
  });
}

// A: direct answer, answered in 5 s (agent01)
// B: direct answer, answered in 12 s: late (agent01)
// C: complaint → filing, voicemail (no ring time), dispatched in 10 min, feedback at 50 h: on
//    time; called back, reached, satisfied (agent02)
// D: petition → petition dept, answered in 8 s, dispatched after 3 h: late; no feedback, the
//    deadline passed: late; overdue, reminded, bulletined (agent02)
// E: complaint → civil / judge01, answered in exactly 10 s, dispatched in 1 h, feedback at
//    dispatch + 80 h: late; overdue, reminded; key callback, caller not reached (agent01)
// F: received 2024-06-10 00:30 Shanghai: outside the period
const TICKETS = [
  doc('RPT-A', 0, { ringAt: at(0), answeredAt: at(5_000) }),
  doc('RPT-B', 1, {
    type: 'contact_judge',
    disposition: { action: 'direct_answer', rule: '4.2' },
    ringAt: at(H),
    answeredAt: at(H + 12_000),
  }),
  transfer('RPT-C', 2, 'filing', 'head-filing', {
    channel: 'voicemail',
    loggedBy: 'agent02',
    dispatchedAt: at(2 * H + 10 * 60_000),
    feedback: { result: '已立案', at: at(52 * H), by: 'head-filing' },
    callbackDue: true,
    callback: { reached: true, satisfied: true, note: null, at: at(60 * H), by: 'agent02' },
    status: 'closed',
  }),
  transfer('RPT-D', 3, 'petition', 'head-petition', {
    type: 'petition',
    loggedBy: 'agent02',
    ringAt: at(3 * H),
    answeredAt: at(3 * H + 8_000),
    dispatchedAt: at(6 * H),
    overdueAt: at(78 * H),
    remindedAt: at(80 * H),
    reminders: 1,
    bulletinedAt: at(100 * H),
    status: 'bulletined',
    redLight: true,
  }),
  transfer('RPT-E', 4, 'civil', 'judge01', {
    ringAt: at(4 * H),
    answeredAt: at(4 * H + 10_000),
    dispatchedAt: at(5 * H),
    overdueAt: at(77 * H),
    remindedAt: at(79 * H),
    reminders: 1,
    feedback: { result: '已联系当事人', at: at(85 * H), by: 'judge01' },
    callbackDue: true,
    keyCallback: true,
    callback: { reached: false, satisfied: null, note: '无人接听', at: at(90 * H), by: 'agent01' },
    status: 'closed',
  }),
  doc('RPT-F', 159.5, {}),
];

// A week later (2024-06-17 … 23), for handlers' scopes (demo directory: head-civil heads civil,
// judge01 is a judge of civil):
// SCP-1 civil / judge01, SCP-2 civil / head-civil, SCP-3 filing / judge01 (addressed to the
// judge in another department), SCP-4 filing / head-filing, SCP-5 civil / judge09.
const SCOPE_PERIOD = 'from=2024-06-17&to=2024-06-23';
const W = 14 * 24;
const SCOPED = [
  transfer('SCP-1', W, 'civil', 'judge01', {}),
  transfer('SCP-2', W + 1, 'civil', 'head-civil', {}),
  transfer('SCP-3', W + 2, 'filing', 'judge01', {}),
  transfer('SCP-4', W + 3, 'filing', 'head-filing', {}),
  transfer('SCP-5', W + 4, 'civil', 'judge09', {}),
];

describe('reporting service HTTP API on a hand-built ledger', () => {
  let app: NestExpressApplication;
  let token: (id: string, roles: Role[], dept?: string | null) => Promise<string>;
  let connection: mongoose.Connection;
  let supervisor: string;

  beforeAll(async () => {
    connection = await mongoose.createConnection(testEnv().mongodbUri).asPromise();
    await seedLedger(connection, [...TICKETS, ...SCOPED]);
    ({ app, token } = await startReportingApp());
    supervisor = await token('supervisor01', ['supervisor']);
  });

  afterAll(async () => {
    await app?.close();
    await connection?.close();
  });

  const get = (path: string, bearer: string) =>
    request(app.getHttpServer()).get(path).set('Authorization', `Bearer ${bearer}`);

  it('computes every metric as worked out by hand', async () => {
    const res = await get(`/api/reports/metrics?${PERIOD}`, supervisor);
    expect(res.status).toBe(200);
    const m = res.body;
    expect(m.total).toBe(5);
    expect(m.directAnswerRate).toBeCloseTo(2 / 5);
    expect(m.answeredWithin10sRate).toBeCloseTo(3 / 4); // A, D, E of A, B, D, E
    expect(m.transferred).toBe(3);
    expect(m.dispatchedWithin2hRate).toBeCloseTo(2 / 3); // C, E of C, D, E
    expect(m.feedbackOnTimeRate).toBeCloseTo(1 / 3); // C of C, D, E
    expect([m.overdue, m.reminded, m.bulletined]).toEqual([2, 2, 1]);
    expect(m.callbackRate).toBeCloseTo(1 / 2); // C reached, E not
    expect(m.keyCallbackRate).toBe(0); // E
    expect(m.satisfactionRate).toBe(1); // C
    expect(m.byType.complaint).toMatchObject({ label: '投诉举报', total: 2, overdue: 1 });
    expect(m.byType.case_inquiry).toMatchObject({ total: 1, directAnswerRate: 1 });
    expect(Object.keys(m.byType).sort()).toEqual([
      'case_inquiry',
      'complaint',
      'contact_judge',
      'petition',
    ]);
    expect(m.byDepartment.civil).toMatchObject({
      name: '民事审判庭',
      total: 1,
      overdue: 1,
      feedbackOnTimeRate: 0,
    });
    expect(m.byDepartment.filing).toMatchObject({
      total: 1,
      feedbackOnTimeRate: 1,
      satisfactionRate: 1,
    });
    expect(m.byHandler['head-petition']).toMatchObject({
      total: 1,
      bulletined: 1,
      dispatchedWithin2hRate: 0,
    });
    expect(m.agentWorkload.agent01).toMatchObject({ logged: 3, directAnswered: 2, transferred: 1 });
    expect(m.agentWorkload.agent01.answeredWithin10sRate).toBeCloseTo(2 / 3);
    expect(m.agentWorkload.agent02).toMatchObject({ logged: 2, answeredWithin10sRate: 1 });
  });

  it('gives the lifecycle’s figures as zeros for tickets logged before it', async () => {
    const res = await get(`/api/reports/metrics?${PERIOD}`, supervisor);
    expect(res.body).toMatchObject({
      returnsByDepartment: {},
      reassigned: 0,
      extensions: { requested: 0, approved: 0, refused: 0 },
    });
    const csv = await get(`/api/reports/ledger?${PERIOD}&format=csv`, supervisor);
    const [header, first] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toMatch(/,回访结果,签收时间,退回次数,改派记录,延期$/);
    expect(first).toMatch(/^RPT-A,.*,无需回访,,0,,$/);
    // Not one of these tickets has an `acceptedAt`: none is listed as not accepted in time.
    const unaccepted = await get('/api/reports/unaccepted?limit=500', supervisor);
    expect(unaccepted.status).toBe(200);
    expect(unaccepted.body.items.filter((i: { id: string }) => /^(RPT|SCP)-/.test(i.id))).toEqual(
      [],
    );
  });

  it('gives null rates for an empty period', async () => {
    const res = await get('/api/reports/metrics?from=2001-01-01&to=2001-01-02', supervisor);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      total: 0,
      answeredWithin10sRate: null,
      dispatchedWithin2hRate: null,
      feedbackOnTimeRate: null,
      callbackRate: null,
      satisfactionRate: null,
    });
  });

  it('pages the JSON ledger in ledger order, phones masked, with filters', async () => {
    const all = await get(`/api/reports/ledger?${PERIOD}`, supervisor);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(5);
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([
      'RPT-A',
      'RPT-B',
      'RPT-C',
      'RPT-D',
      'RPT-E',
    ]);
    expect(all.body.items[0].caller.phone).toBe('138****8000');
    expect(JSON.stringify(all.body)).not.toContain('13800138000');
    const page = await get(`/api/reports/ledger?${PERIOD}&limit=2&page=2`, supervisor);
    expect(page.body.items.map((i: { id: string }) => i.id)).toEqual(['RPT-C', 'RPT-D']);
    const complaints = await get(`/api/reports/ledger?${PERIOD}&type=complaint`, supervisor);
    expect(complaints.body.items.map((i: { id: string }) => i.id)).toEqual(['RPT-C', 'RPT-E']);
    const bad = await get('/api/reports/ledger?from=yesterday&format=pdf', supervisor);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('format');
  });

  it('streams the ledger as CSV with Chinese headers, one line per ticket', async () => {
    const res = await get(`/api/reports/ledger?${PERIOD}&format=csv`, supervisor);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(
      /^工单编号,受理时间,工单类型,来电人,来电号码,案号,主要内容,处理方式,依据条款/,
    );
    expect(lines[4]).toContain('RPT-D');
    expect(lines[4]).toContain('信访申诉');
    expect(lines[4]).toContain('138****8000');
    expect(lines[4]).toMatch(/,是,1,是,/); // overdue, 1 reminder, bulletined
    expect(res.text).not.toContain('13800138000');
  });

  it('streams the ledger as a valid xlsx workbook', async () => {
    const res = await get(`/api/reports/ledger?${PERIOD}&format=xlsx`, supervisor)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['x-ledger-rows']).toBe('5');
    const workbook = await readWorkbook(res.body as Buffer);
    const sheet = workbook.getWorksheet('台账')!;
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(1).getCell(1).value).toBe('工单编号');
    const ids = [2, 3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(1).value);
    expect(ids).toEqual(['RPT-A', 'RPT-B', 'RPT-C', 'RPT-D', 'RPT-E']);
    expect(sheet.getRow(4).getCell(11).value).toBe('立案庭（诉讼服务中心）');
    expect(sheet.getRow(4).getCell(20).value).toBe('已回访，满意');
  });

  it('lets a handler see the tickets addressed to them, and refuses agents', async () => {
    const judge = await token('judge01', ['handler'], 'civil');
    const mine = await get(`/api/reports/metrics?${PERIOD}`, judge);
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(1);
    const ledger = await get(`/api/reports/ledger?${PERIOD}`, judge);
    expect(ledger.body.items.map((i: { id: string }) => i.id)).toEqual(['RPT-E']);
    expect((await get(`/api/reports/ledger?departmentId=filing`, judge)).status).toBe(403);
    const agent = await token('agent01', ['agent'], 'filing');
    expect((await get('/api/reports/metrics', agent)).status).toBe(403);
    expect((await get('/api/reports/ledger', agent)).status).toBe(403);
    expect((await request(app.getHttpServer()).get('/api/reports/metrics')).status).toBe(401);
  });

  describe('a handler reads what the intake lets them read', () => {
    const ids = (res: request.Response) => res.body.items.map((i: { id: string }) => i.id);
    const csvIds = (res: request.Response) =>
      res.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[0]);

    it('a department head: the departments they head, and their own tickets', async () => {
      const head = await token('head-civil', ['handler'], 'civil');
      const ledger = await get(`/api/reports/ledger?${SCOPE_PERIOD}`, head);
      expect(ledger.status).toBe(200);
      expect(ids(ledger)).toEqual(['SCP-1', 'SCP-2', 'SCP-5']);
      expect(ledger.body.total).toBe(3);
      const civil = await get(`/api/reports/ledger?${SCOPE_PERIOD}&departmentId=civil`, head);
      expect(ids(civil)).toEqual(['SCP-1', 'SCP-2', 'SCP-5']);
      expect((await get(`/api/reports/ledger?departmentId=filing`, head)).status).toBe(403);

      const metrics = await get(`/api/reports/metrics?${SCOPE_PERIOD}`, head);
      expect(metrics.body.total).toBe(3);
      expect(metrics.body.transferred).toBe(3);
      expect(Object.keys(metrics.body.byDepartment)).toEqual(['civil']);
      expect(Object.keys(metrics.body.byHandler)).toEqual(['head-civil', 'judge01', 'judge09']);

      const xlsx = await get(`/api/reports/ledger?${SCOPE_PERIOD}&format=xlsx`, head)
        .buffer(true)
        .parse(binary);
      expect(xlsx.status).toBe(200);
      const sheet = (await readWorkbook(xlsx.body as Buffer)).getWorksheet('台账')!;
      expect(sheet.rowCount).toBe(4);
      expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(1).value)).toEqual([
        'SCP-1',
        'SCP-2',
        'SCP-5',
      ]);
      const csv = await get(`/api/reports/ledger?${SCOPE_PERIOD}&format=csv`, head);
      expect(csvIds(csv)).toEqual(['SCP-1', 'SCP-2', 'SCP-5']);
    });

    it('a handler who heads nothing: only the tickets addressed to them, in any department', async () => {
      const judge = await token('judge01', ['handler'], 'civil');
      const ledger = await get(`/api/reports/ledger?${SCOPE_PERIOD}`, judge);
      expect(ledger.status).toBe(200);
      expect(ids(ledger)).toEqual(['SCP-1', 'SCP-3']);
      expect(ledger.body.total).toBe(2);
      const civil = await get(`/api/reports/ledger?${SCOPE_PERIOD}&departmentId=civil`, judge);
      expect(ids(civil)).toEqual(['SCP-1']);
      const other = await get(`/api/reports/ledger?${SCOPE_PERIOD}&departmentId=filing`, judge);
      expect(other.status).toBe(403);
      expect(other.body.message).toContain('无权查看');

      const metrics = await get(`/api/reports/metrics?${SCOPE_PERIOD}`, judge);
      expect(metrics.body.total).toBe(2);
      expect(Object.keys(metrics.body.byDepartment)).toEqual(['civil', 'filing']);
      expect(Object.keys(metrics.body.byHandler)).toEqual(['judge01']);

      const csv = await get(`/api/reports/ledger?${SCOPE_PERIOD}&format=csv`, judge);
      expect(csv.status).toBe(200);
      expect(csvIds(csv)).toEqual(['SCP-1', 'SCP-3']);
      const xlsx = await get(`/api/reports/ledger?${SCOPE_PERIOD}&format=xlsx`, judge)
        .buffer(true)
        .parse(binary);
      const sheet = (await readWorkbook(xlsx.body as Buffer)).getWorksheet('台账')!;
      expect([2, 3].map((r) => sheet.getRow(r).getCell(1).value)).toEqual(['SCP-1', 'SCP-3']);
      expect(sheet.rowCount).toBe(3);
    });

    it('supervisors still read every ticket', async () => {
      const ledger = await get(`/api/reports/ledger?${SCOPE_PERIOD}`, supervisor);
      expect(ids(ledger)).toEqual(['SCP-1', 'SCP-2', 'SCP-3', 'SCP-4', 'SCP-5']);
      const filing = await get(
        `/api/reports/ledger?${SCOPE_PERIOD}&departmentId=filing`,
        supervisor,
      );
      expect(ids(filing)).toEqual(['SCP-3', 'SCP-4']);
      const metrics = await get(`/api/reports/metrics?${SCOPE_PERIOD}`, supervisor);
      expect(metrics.body.total).toBe(5);
      const csv = await get(`/api/reports/ledger?${SCOPE_PERIOD}&format=csv`, supervisor);
      expect(csvIds(csv)).toEqual(['SCP-1', 'SCP-2', 'SCP-3', 'SCP-4', 'SCP-5']);
    });
  });
});
