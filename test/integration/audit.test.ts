import { getConnectionToken } from '@nestjs/mongoose';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { AuditService } from '../../apps/intake/src/audit/audit.service';
import { type AuditEntryDoc, AuditTrail } from '../../libs/database/src';
import { filingComplaint, IntakeTestApp, randomMobile } from '../support/intake-app';
import { startNotificationApp } from '../support/notification-app';
import { startReportingApp } from '../support/reporting-app';

/** API.md, Audit: every read of a full caller number and every change leaves one entry. */

let seq = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}${(seq++).toString(36)}`;
const FULL_MOBILE = /1\d{10}/;
const DAY_MS = 24 * 60 * 60 * 1000;

describe('intake: audit trail (API.md, Audit)', () => {
  const t = new IntakeTestApp();
  let reporting: Awaited<ReturnType<typeof startReportingApp>>;
  let notification: NestExpressApplication;
  let trail: AuditTrail;

  beforeAll(async () => {
    await t.start();
    reporting = await startReportingApp();
    notification = await startNotificationApp();
    trail = t.moduleRef.get(AuditTrail);
  });

  afterAll(async () => {
    await notification?.close();
    await reporting?.app.close();
    await t.stop();
  });

  /** The entries matching, straight from the store (what the court would show). */
  const entries = (filter: Partial<AuditEntryDoc>) =>
    trail.store.model.find(filter).sort({ _id: 1 }).lean<AuditEntryDoc[]>().exec();

  function expectNoFullPhone(docs: AuditEntryDoc[]) {
    for (const doc of docs) expect(JSON.stringify(doc)).not.toMatch(FULL_MOBILE);
  }

  async function createTicket(overrides: Record<string, unknown> = {}): Promise<string> {
    const r = await (await t.as('agent01')).post('/api/tickets').send(filingComplaint(overrides));
    expect(r.status).toBe(201);
    return r.body.id as string;
  }

  describe('audited actions: exactly one entry each, with actor, action and ticket', () => {
    it('ticket.phone.read: an agent reading the full number; an admin (masked) is not recorded', async () => {
      const ticketId = await createTicket();
      expect(await entries({ ticketId })).toEqual([]);
      const read = await (await t.as('agent01')).get(`/api/tickets/${ticketId}`);
      expect(read.status).toBe(200);
      expect(read.body.caller.phone).toMatch(FULL_MOBILE);
      const masked = await (await t.as('admin')).get(`/api/tickets/${ticketId}`);
      expect(masked.body.caller.phone).toContain('*');
      const found = await entries({ ticketId });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        actor: 'agent01',
        action: 'ticket.phone.read',
        ticketId,
        service: 'intake',
      });
      expect(found[0]!.requestId).toEqual(expect.any(String));
      expectNoFullPhone(found);
    });

    it('ticket.override: a ticket created with an override', async () => {
      const ticketId = await createTicket({
        override: { action: 'transfer', targetId: 'head-civil', reason: '涉及民事审判庭' },
      });
      const found = await entries({ ticketId });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        actor: 'agent01',
        action: 'ticket.override',
        ticketId,
        target: 'head-civil',
      });
      expect(found[0]!.detail).toContain('涉及民事审判庭');
      // a ticket without an override leaves nothing
      const plain = await createTicket();
      expect(await entries({ ticketId: plain })).toEqual([]);
    });

    it('voicemail.phone.read: one read of a voicemail', async () => {
      const phone = randomMobile();
      const posted = await (await t.as('telephony')).post('/api/voicemails').send({
        callerPhone: phone,
        receivedAt: '2026-11-27T19:00:00+08:00',
        recordingRef: 'rec-audit-test',
      });
      expect(posted.status).toBe(201);
      const id = posted.body.id as string;
      const read = await (await t.as('supervisor01')).get(`/api/voicemails/${id}`);
      expect(read.status).toBe(200);
      expect(JSON.stringify(read.body)).toContain(phone);
      const found = await entries({ target: id });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ actor: 'supervisor01', action: 'voicemail.phone.read' });
      expectNoFullPhone(found);
    });

    it('accounts: create, update, disable, reset, own password change', async () => {
      const admin = await t.as('admin');
      const id = newId('aud');
      const phone = randomMobile();
      const password = 'Initial-pass-2026';
      expect(
        (
          await admin
            .post('/api/users')
            .send({ id, name: '审计测试', roles: ['agent'], password, phone })
        ).status,
      ).toBe(201);
      expect((await admin.post(`/api/users/${id}/password`).send({ password })).status).toBe(204);
      const login = await t.http().post('/api/auth/login').send({ username: id, password });
      expect(login.status).toBe(200);
      const changed = await t
        .http()
        .post('/api/auth/password')
        .set('Authorization', `Bearer ${login.body.accessToken}`)
        .send({ currentPassword: password, newPassword: 'Changed-pass-2026' });
      expect(changed.status).toBe(204);
      expect(
        (await admin.patch(`/api/users/${id}`).send({ name: '审计测试二', phone: randomMobile() }))
          .status,
      ).toBe(200);
      expect((await admin.patch(`/api/users/${id}`).send({ disabled: true })).status).toBe(200);
      const found = await entries({ target: id });
      expect(found.map((e) => [e.actor, e.action])).toEqual([
        ['admin', 'user.create'],
        ['admin', 'user.password.reset'],
        [id, 'user.password.change'],
        ['admin', 'user.update'],
        ['admin', 'user.disable'],
      ]);
      expectNoFullPhone(found);
      // a refused change leaves nothing
      expect((await admin.patch('/api/users/admin').send({ disabled: true })).status).toBe(400);
      expect(await entries({ target: 'admin', action: 'user.disable' })).toEqual([]);
    });

    it('directory.person.put and calendar.import', async () => {
      const admin = await t.as('admin');
      const id = newId('p');
      const put = await admin
        .put(`/api/directory/people/${id}`)
        .send({ name: '审计人员', role: 'handler', departmentId: 'civil', phone: randomMobile() });
      expect(put.status).toBe(200);
      const person = await entries({ target: id });
      expect(person).toHaveLength(1);
      expect(person[0]).toMatchObject({ actor: 'admin', action: 'directory.person.put' });
      expectNoFullPhone(person);

      const before = (await entries({ action: 'calendar.import', target: '2033' })).length;
      const imported = await admin
        .put('/api/calendar/2033')
        .send({ days: [{ date: '2033-01-03', kind: 'holiday', name: '元旦' }] });
      expect(imported.status).toBe(200);
      const calendar = await entries({ action: 'calendar.import', target: '2033' });
      expect(calendar).toHaveLength(before + 1);
      expect(calendar.at(-1)).toMatchObject({ actor: 'admin' });
      // refused: nothing recorded
      expect((await admin.put('/api/calendar/2033').send({ days: [] })).status).toBe(400);
      expect(await entries({ action: 'calendar.import', target: '2033' })).toHaveLength(before + 1);
    });

    it('ledger.export (reporting) and sms.read (notification)', async () => {
      const exporter = newId('exp');
      const token = await reporting.token(exporter, ['admin']);
      const csv = await request(reporting.app.getHttpServer())
        .get('/api/reports/ledger?from=2026-11-01&to=2026-11-30&format=csv')
        .set('Authorization', `Bearer ${token}`);
      expect(csv.status).toBe(200);
      const json = await request(reporting.app.getHttpServer())
        .get('/api/reports/ledger?from=2026-11-01&to=2026-11-30')
        .set('Authorization', `Bearer ${token}`);
      expect(json.status).toBe(200);
      const exports = await entries({ actor: exporter });
      expect(exports).toHaveLength(1);
      expect(exports[0]).toMatchObject({ action: 'ledger.export', service: 'reporting' });

      const connection = t.moduleRef.get<Connection>(getConnectionToken());
      const ticketId = `T20261127-${String(9000 + (seq++ % 999)).padStart(4, '0')}`;
      await connection.collection('sms_outbox').insertOne({
        _id: newId('sms'),
        to: randomMobile(),
        recipientId: 'caller',
        ticketId,
        kind: 'receipt',
        text: '审计测试',
        status: 'sent',
        sendAfter: null,
        failure: null,
        createdAt: new Date(),
      } as never);
      const sms = await request(notification.getHttpServer())
        .get(`/api/sms?ticketId=${ticketId}`)
        .set('Authorization', `Bearer ${await t.token('supervisor01')}`);
      expect(sms.status).toBe(200);
      expect(sms.body.items).toHaveLength(1);
      const reads = await entries({ ticketId });
      expect(reads).toHaveLength(1);
      expect(reads[0]).toMatchObject({
        actor: 'supervisor01',
        action: 'sms.read',
        service: 'notification',
      });
      expectNoFullPhone(reads);
    });
  });

  describe('GET /api/audit', () => {
    const actor = newId('who');
    const base = Date.parse('2026-06-10T00:00:00Z');
    beforeAll(async () => {
      // 5 entries an hour apart; the 2nd and 4th about one ticket
      for (let i = 0; i < 5; i++) {
        await trail.store.append({
          actor,
          action: 'user.update',
          ticketId: i % 2 === 1 ? 'T20260610-0042' : null,
          target: `acc-${i}`,
          detail: `第 ${i} 条，电话 13800138000`,
          at: new Date(base + i * 3600_000),
        });
      }
    });

    const get = async (query: string, user = 'admin') =>
      (await t.as(user)).get(`/api/audit${query}`);

    it('filters by actor, newest first, and pages', async () => {
      const all = await get(`?actor=${actor}`);
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(5);
      expect(all.body.items.map((e: { target: string }) => e.target)).toEqual([
        'acc-4',
        'acc-3',
        'acc-2',
        'acc-1',
        'acc-0',
      ]);
      expect(all.body.items[0]).toEqual({
        at: new Date(base + 4 * 3600_000).toISOString(),
        actor,
        action: 'user.update',
        ticketId: null,
        target: 'acc-4',
        detail: '第 4 条，电话 138****8000',
        requestId: null,
        service: null,
      });
      const page2 = await get(`?actor=${actor}&limit=2&page=2`);
      expect(page2.body).toMatchObject({ total: 5, page: 2, limit: 2 });
      expect(page2.body.items.map((e: { target: string }) => e.target)).toEqual(['acc-2', 'acc-1']);
    });

    it('filters by ticket and by time (from inclusive, to exclusive; a date is a Shanghai day)', async () => {
      const byTicket = await get(`?actor=${actor}&ticketId=T20260610-0042`);
      expect(byTicket.body.items.map((e: { target: string }) => e.target)).toEqual([
        'acc-3',
        'acc-1',
      ]);
      const from = new Date(base + 3600_000).toISOString();
      const to = new Date(base + 3 * 3600_000).toISOString();
      const range = await get(`?actor=${actor}&from=${from}&to=${to}`);
      expect(range.body.total).toBe(2);
      expect(range.body.items.map((e: { target: string }) => e.target)).toEqual(['acc-2', 'acc-1']);
      // 2026-06-10T00:00Z..04:00Z is the Shanghai day 2026-06-10 (08:00-12:00)
      expect((await get(`?actor=${actor}&from=2026-06-10&to=2026-06-10`)).body.total).toBe(5);
      expect((await get(`?actor=${actor}&from=2026-06-11`)).body.total).toBe(0);
      expect((await get(`?actor=${actor}&to=2026-06-09`)).body.total).toBe(0);
    });

    it('403 for everyone but admins; 401 without a sign-in', async () => {
      for (const user of ['agent01', 'supervisor01', 'judge01']) {
        expect((await get('', user)).status).toBe(403);
      }
      expect((await t.http().get('/api/audit')).status).toBe(401);
    });

    it.each([
      ['?from=yesterday', 'from'],
      ['?to=2026-13-45', 'to'],
      ['?limit=0', 'limit'],
      ['?limit=1000', 'limit'],
      ['?page=0', 'page'],
      ['?from=2026-06-11&to=2026-06-10', 'to'],
      ['?actor=a&actor=b', 'actor'],
      ['?color=red', 'color'],
    ])('%s → 400 naming %s', async (query, field) => {
      const r = await get(query);
      expect(r.status).toBe(400);
      expect(r.body.errors).toContainEqual(expect.objectContaining({ field }));
    });
  });

  describe('retention (AUDIT_RETENTION_DAYS, default 1095 days)', () => {
    it('the purge removes only entries older than the retention period', async () => {
      const actor = newId('old');
      const now = Date.now();
      for (const days of [2000, 1096, 1094, 10]) {
        await trail.store.append({
          actor,
          action: 'user.update',
          target: `${days}d`,
          detail: `${days} 天前`,
          at: new Date(now - days * DAY_MS),
        });
      }
      const deleted = await t.moduleRef.get(AuditService).purge(new Date(now));
      expect(deleted).toBeGreaterThanOrEqual(2);
      expect((await entries({ actor })).map((e) => e.target)).toEqual(['1094d', '10d']);
    });
  });
});
