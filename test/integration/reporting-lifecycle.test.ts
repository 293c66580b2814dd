import type { NestExpressApplication } from '@nestjs/platform-express';
import mongoose from 'mongoose';
import request from 'supertest';
import type { Role } from '../../libs/domain/src';
import {
  ledgerExtension,
  ledgerReassignment,
  ledgerReturn,
  seedLedger,
} from '../support/ledger-seed';
import { binary, readWorkbook, startReportingApp } from '../support/reporting-app';
import { testEnv } from '../support/test-env';

/**
 * The lifecycle (签收, 退回, 改派, 延期) in the reports, on a hand-built ledger in a week of 2024
 * that no other test uses (2024-09-02 … 08, ordinary working days): the metrics' new figures,
 * the ledger's new columns, and the transfers not accepted in time (`ACCEPT_WITHIN`, default two
 * working hours).
 */
const H = 3_600_000;
const BASE = Date.parse('2024-09-02T01:00:00Z'); // Monday 2024-09-02 09:00 Shanghai
const at = (hours: number) => new Date(BASE + hours * H);
const sh = (local: string) => new Date(`${local}+08:00`);
const PERIOD = 'from=2024-09-02&to=2024-09-08';

const LI_MING = { id: 'judge01', name: '李明', departmentId: 'civil' };
const WU_LIXIN = { id: 'head-filing', name: '吴立新', departmentId: 'filing' };

function transfer(
  id: string,
  hour: number,
  handler: { id: string; name: string; departmentId: string },
  over: Record<string, unknown>,
) {
  const receivedAt = at(hour);
  const dispatchedAt = new Date(receivedAt.getTime() + 0.5 * H);
  return {
    _id: id,
    workflowId: `ticket-${id}`,
    type: 'complaint',
    channel: 'phone',
    caseNumber: null,
    caller: { name: '张三', phone: '13800138000' },
    content: `来电内容 ${id}`,
    flags: {},
    status: 'dispatched',
    redLight: false,
    disposition: {
      action: 'transfer',
      rule: '4.5',
      target: { id: handler.id, name: handler.name, role: 'handler' },
      departmentId: handler.departmentId,
    },
    handlerId: handler.id,
    departmentId: handler.departmentId,
    deadlines: {
      dispatchBy: new Date(receivedAt.getTime() + 2 * H),
      feedbackBy: new Date(dispatchedAt.getTime() + 72 * H),
    },
    receivedAt,
    dispatchedAt,
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
    // Logged after the lifecycle came in (the intake writes `acceptedAt: null`).
    acceptedAt: null,
    progressNotes: [],
    returns: [],
    reassignments: [],
    extension: null,
    extensions: [],
    ...over,
  };
}

/** Everything `transfer` gives but the lifecycle fields: a ticket logged before it. */
function loggedBefore(doc: Record<string, unknown>) {
  const {
    acceptedAt: _a,
    progressNotes: _p,
    returns: _r,
    reassignments: _s,
    extension: _e,
    extensions: _x,
    ...rest
  } = doc;
  return rest;
}

// LC-A  civil / judge01, dispatched Mon 09:30, never accepted: due 11:30 → listed.
// LC-B  civil / judge01, accepted at 10:30, extension approved to 9月10日17:30; handled.
// LC-C  logged before the lifecycle (no acceptedAt at all), overdue: never listed.
// LC-D  returned by judge01 (civil): status returned, not listed.
// LC-E  returned by judge01 (civil), reassigned Tue 16:00 to head-filing (filing), reminded,
//       not accepted: due Wed 09:00 (1.5 h on Tuesday, 0.5 h on Wednesday) → listed.
// LC-F  petition / head-petition, accepted; an extension refused, then one pending.
// LC-N  dispatched five minutes ago, not accepted: still in time, not listed (outside the period).
const TICKETS = [
  transfer('LC-A', 0, LI_MING, {}),
  transfer('LC-B', 0.5, LI_MING, {
    acceptedAt: sh('2024-09-02T10:30:00'),
    status: 'handled',
    feedback: { result: '已答复', at: at(30), by: 'judge01' },
    extension: ledgerExtension('approved', at(5), sh('2024-09-10T17:30:00')),
    extensions: [ledgerExtension('approved', at(5), sh('2024-09-10T17:30:00'))],
  }),
  loggedBefore(transfer('LC-C', 1, LI_MING, { status: 'overdue', overdueAt: at(73) })),
  transfer('LC-D', 1.5, LI_MING, {
    status: 'returned',
    returns: [ledgerReturn(at(2), 'judge01', 'civil', '属立案庭职责')],
  }),
  transfer('LC-E', 2, WU_LIXIN, {
    status: 'reminded',
    remindedAt: at(80),
    returns: [ledgerReturn(sh('2024-09-03T10:00:00'), 'judge01', 'civil', '属立案庭职责')],
    reassignments: [
      ledgerReassignment(sh('2024-09-03T16:00:00'), LI_MING, WU_LIXIN, '属立案庭职责', 28 * H),
    ],
  }),
  transfer(
    'LC-F',
    3,
    { id: 'head-petition', name: '周海燕', departmentId: 'petition' },
    {
      acceptedAt: at(3.6),
      extension: ledgerExtension('pending', at(30), sh('2024-09-12T17:30:00'), 'head-petition'),
      extensions: [
        ledgerExtension('refused', at(10), sh('2024-09-11T17:30:00'), 'head-petition'),
        ledgerExtension('pending', at(30), sh('2024-09-12T17:30:00'), 'head-petition'),
      ],
    },
  ),
];

describe('the lifecycle in the reports: 签收, 退回, 改派, 延期', () => {
  let app: NestExpressApplication;
  let token: (id: string, roles: Role[], dept?: string | null) => Promise<string>;
  let connection: mongoose.Connection;
  let supervisor: string;

  beforeAll(async () => {
    connection = await mongoose.createConnection(testEnv().mongodbUri).asPromise();
    const now = Date.now();
    const recent = transfer('LC-N', 0, LI_MING, {
      receivedAt: new Date(now - 10 * 60_000),
      dispatchedAt: new Date(now - 5 * 60_000),
    });
    await seedLedger(connection, [...TICKETS, recent]);
    ({ app, token } = await startReportingApp());
    supervisor = await token('supervisor01', ['supervisor']);
  });

  afterAll(async () => {
    await app?.close();
    await connection?.close();
  });

  const get = (path: string, bearer: string) =>
    request(app.getHttpServer()).get(path).set('Authorization', `Bearer ${bearer}`);

  it('counts returns by department, tickets reassigned and extensions, the rest unchanged', async () => {
    const res = await get(`/api/reports/metrics?${PERIOD}`, supervisor);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      total: 6,
      transferred: 6,
      returnsByDepartment: { civil: 2 },
      reassigned: 1,
      extensions: { requested: 3, approved: 1, refused: 1 },
    });
    expect(res.body.byDepartment.civil).toMatchObject({ name: '民事审判庭', total: 4 });
    expect(res.body.byDepartment.civil).not.toHaveProperty('returnsByDepartment');
    // A period without the lifecycle: zeros, not missing fields.
    const empty = await get('/api/reports/metrics?from=2001-01-01&to=2001-01-02', supervisor);
    expect(empty.body).toMatchObject({
      total: 0,
      returnsByDepartment: {},
      reassigned: 0,
      extensions: { requested: 0, approved: 0, refused: 0 },
    });
  });

  it('shows 签收, 退回, 改派 and 延期 in the JSON ledger', async () => {
    const res = await get(`/api/reports/ledger?${PERIOD}`, supervisor);
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.items.map((i: { id: string }) => [i.id, i])) as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(byId)).toEqual(['LC-A', 'LC-B', 'LC-C', 'LC-D', 'LC-E', 'LC-F']);
    expect(byId['LC-B']).toMatchObject({
      acceptedAt: '2024-09-02T10:30:00+08:00',
      returnCount: 0,
      extension: { status: 'approved', until: '2024-09-10T17:30:00+08:00' },
      extensionText: '已同意至9月10日17:30',
    });
    expect(byId['LC-C']).toMatchObject({
      acceptedAt: null,
      returnCount: 0,
      reassignments: [],
      reassignmentText: '',
      extension: null,
      extensionText: '',
    });
    expect(byId['LC-D']).toMatchObject({
      status: 'returned',
      statusLabel: '已退回',
      returnCount: 1,
    });
    expect(byId['LC-E']).toMatchObject({
      returnCount: 1,
      reassignments: [
        {
          at: '2024-09-03T16:00:00+08:00',
          from: { id: 'judge01', name: '李明' },
          to: { id: 'head-filing', name: '吴立新' },
          reason: '属立案庭职责',
        },
      ],
      reassignmentText: '李明→吴立新（属立案庭职责）',
    });
    expect(byId['LC-F']).toMatchObject({
      extensionText: '申请延期至9月12日17:30（待审批）',
    });
    const returned = await get(`/api/reports/ledger?${PERIOD}&status=returned`, supervisor);
    expect(returned.body.items.map((i: { id: string }) => i.id)).toEqual(['LC-D']);
  });

  it('appends the four columns to the CSV and the xlsx, the others as they were', async () => {
    const csv = await get(`/api/reports/ledger?${PERIOD}&format=csv`, supervisor);
    expect(csv.status).toBe(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(
      '工单编号,受理时间,工单类型,来电人,来电号码,案号,主要内容,处理方式,依据条款,承办人,承办部门,转办时间,反馈期限,反馈时间,反馈结果,状态,是否逾期,催办次数,是否通报,回访结果,签收时间,退回次数,改派记录,延期',
    );
    const line = (id: string) => lines.find((l) => l.startsWith(`${id},`))!;
    expect(line('LC-B')).toMatch(/,2024-09-02 10:30,0,,已同意至9月10日17:30$/);
    expect(line('LC-C')).toMatch(/,,0,,$/);
    expect(line('LC-D')).toContain(',已退回,');
    expect(line('LC-D')).toMatch(/,,1,,$/);
    expect(line('LC-E')).toMatch(/,,1,李明→吴立新（属立案庭职责）,$/);

    const xlsx = await get(`/api/reports/ledger?${PERIOD}&format=xlsx`, supervisor)
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    const sheet = (await readWorkbook(xlsx.body as Buffer)).getWorksheet('台账')!;
    expect(sheet.rowCount).toBe(7);
    const header = [20, 21, 22, 23, 24].map((c) => sheet.getRow(1).getCell(c).value);
    expect(header).toEqual(['回访结果', '签收时间', '退回次数', '改派记录', '延期']);
    const row = (id: string) =>
      [2, 3, 4, 5, 6, 7].map((r) => sheet.getRow(r)).find((r) => r.getCell(1).value === id)!;
    // Empty cells read back as null.
    expect([21, 22, 23, 24].map((c) => row('LC-E').getCell(c).value)).toEqual([
      null,
      1,
      '李明→吴立新（属立案庭职责）',
      null,
    ]);
    expect(row('LC-B').getCell(21).value).toBe('2024-09-02 10:30');
    expect(row('LC-F').getCell(24).value).toBe('申请延期至9月12日17:30（待审批）');
  });

  it('lists the transfers not accepted within two working hours, longest overdue first', async () => {
    const res = await get('/api/reports/unaccepted', supervisor);
    expect(res.status).toBe(200);
    expect(res.body.acceptWithin).toBe('2h');
    const ours = res.body.items.filter((i: { id: string }) => i.id.startsWith('LC-'));
    expect(ours).toEqual([
      {
        id: 'LC-A',
        type: 'complaint',
        handlerId: 'judge01',
        departmentId: 'civil',
        dispatchedAt: '2024-09-02T09:30:00+08:00',
        acceptBy: '2024-09-02T11:30:00+08:00',
      },
      {
        id: 'LC-E',
        type: 'complaint',
        handlerId: 'head-filing',
        departmentId: 'filing',
        // From the reassignment: 16:00–17:30 on Tuesday, then 08:30–09:00 on Wednesday.
        dispatchedAt: '2024-09-03T16:00:00+08:00',
        acceptBy: '2024-09-04T09:00:00+08:00',
      },
    ]);
    expect(res.body.total).toBeGreaterThanOrEqual(2);
    const leader = await token('leader01', ['leader']);
    const seen = await get('/api/reports/unaccepted?limit=1', leader);
    expect(seen.status).toBe(200);
    expect(seen.body.items).toHaveLength(1);
    expect(seen.body.total).toBe(res.body.total);
    expect((await get('/api/reports/unaccepted?limit=0', leader)).status).toBe(400);
  });

  it('gives handlers none, and refuses agents', async () => {
    const judge = await token('judge01', ['handler'], 'civil');
    const mine = await get('/api/reports/unaccepted', judge);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ items: [], total: 0, acceptWithin: '2h' });
    const agent = await token('agent01', ['agent'], null);
    expect((await get('/api/reports/unaccepted', agent)).status).toBe(403);
    expect((await request(app.getHttpServer()).get('/api/reports/unaccepted')).status).toBe(401);
  });
});
