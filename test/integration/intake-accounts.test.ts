import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { AccountStateCache, hashPassword, PASSWORD_HASH_PARAMS } from '../../libs/auth/src';
import { AccountStore } from '../../libs/database/src';
import { runCreateAdmin } from '../../scripts/create-admin';
import { IntakeTestApp } from '../support/intake-app';
import { startNotificationApp } from '../support/notification-app';
import { startReportingApp } from '../support/reporting-app';

/** API.md, Accounts: CRUD, must-change, revocation on all three services, rehash, back-off. */

const SETTINGS = {
  // a short back-off so that the test can wait it out: 3 free failures, then 1 s, 2 s, 4 s (cap)
  LOGIN_MAX_FAILURES_PER_USER: '3',
  LOGIN_BACKOFF_BASE_SECONDS: '1',
  LOGIN_BACKOFF_MAX_SECONDS: '4',
  LOGIN_MAX_FAILURES_PER_ADDRESS: '20',
  TRUST_PROXY: 'loopback',
};
const CURRENT_HASH_PREFIX = `scrypt$${PASSWORD_HASH_PARAMS.N}$${PASSWORD_HASH_PARAMS.r}$${PASSWORD_HASH_PARAMS.p}$`;
/** How long another process may still accept a revoked token (the guard's cache, 3 s). */
const REVOCATION_BOUND_MS = 3_000;

let seq = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}${(seq++).toString(36)}`;
const PASSWORD = 'Initial-pass-2026';
const NEW_PASSWORD = 'Changed-pass-2026';

describe('intake: accounts (API.md, Accounts)', () => {
  const t = new IntakeTestApp();
  let notification: NestExpressApplication;
  let reporting: NestExpressApplication;
  const saved: Record<string, string | undefined> = {};
  let address = 0;
  /** Each test its own client address (X-Forwarded-For, honoured through TRUST_PROXY). */
  const from = () => `198.51.100.${++address}`;

  beforeAll(async () => {
    for (const [name, value] of Object.entries(SETTINGS)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    await t.start();
    notification = await startNotificationApp();
    reporting = (await startReportingApp()).app;
  });

  afterAll(async () => {
    await notification?.close();
    await reporting?.close();
    await t.stop();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const login = (username: string, password: string, ip = from()) =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', ip).send({ username, password });
  const bearer = (token: string) => `Bearer ${token}`;

  async function tokenOf(username: string, password: string): Promise<string> {
    const r = await login(username, password);
    expect(r.status).toBe(200);
    return r.body.accessToken;
  }

  /** A new supervisor (may read everything on all three services), signed in, no change pending. */
  async function readyUser(): Promise<{ id: string; token: string }> {
    const admin = await t.as('admin');
    const id = newId('sup');
    const created = await admin
      .post('/api/users')
      .send({ id, name: '测试主管', roles: ['supervisor'], password: PASSWORD });
    expect(created.status).toBe(201);
    const first = await tokenOf(id, PASSWORD);
    const changed = await t
      .http()
      .post('/api/auth/password')
      .set('Authorization', bearer(first))
      .set('X-Forwarded-For', from())
      .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.status).toBe(204);
    return { id, token: await tokenOf(id, NEW_PASSWORD) };
  }

  /** The token on each service: intake, notification, reporting. */
  async function statuses(id: string, token: string): Promise<number[]> {
    const auth = bearer(token);
    const [a, b, c] = await Promise.all([
      t.http().get('/api/tickets').set('Authorization', auth),
      request(notification.getHttpServer())
        .get(`/api/notifications?recipientId=${id}`)
        .set('Authorization', auth),
      request(reporting.getHttpServer()).get('/api/bulletins').set('Authorization', auth),
    ]);
    return [a.status, b.status, c.status];
  }

  /** Waits until every service refuses (within the cache bound), and reports how long it took. */
  async function refusedEverywhere(id: string, token: string): Promise<number> {
    const started = Date.now();
    for (;;) {
      const now = await statuses(id, token);
      if (now.every((s) => s === 401)) return Date.now() - started;
      expect(now[0]).toBe(401); // this process forgets the cached state at once
      if (Date.now() - started > REVOCATION_BOUND_MS + 1_000) {
        throw new Error(`still accepted after ${Date.now() - started} ms: ${now.join(', ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  describe('POST /api/users', () => {
    it('creates a user (201) without any password field; the id again → 409', async () => {
      const admin = await t.as('admin');
      const id = newId('judge');
      const r = await admin.post('/api/users').send({
        id,
        name: '钱程',
        roles: ['handler'],
        departmentId: 'civil',
        phone: '139 0373 1011',
        password: PASSWORD,
      });
      expect(r.status).toBe(201);
      expect(r.body).toEqual({
        id,
        name: '钱程',
        roles: ['handler'],
        departmentId: 'civil',
        phone: '139****1011',
        disabled: false,
        mustChangePassword: true,
        lastLoginAt: null,
      });
      expect(JSON.stringify(r.body)).not.toMatch(/"password"|"passwordHash"|scrypt/);

      const again = await admin
        .post('/api/users')
        .send({ id, name: '另一个', roles: ['agent'], password: PASSWORD });
      expect(again.status).toBe(409);
    });

    it('400 naming the field: short password, password = id, bad role, bad id, department, phone', async () => {
      const admin = await t.as('admin');
      const id = newId('user');
      const cases: [Record<string, unknown>, string][] = [
        [{ password: 'short-pw' }, 'password'],
        [{ password: id.toUpperCase() }, 'password'],
        [{ roles: ['judge'] }, 'roles'],
        [{ roles: [] }, 'roles'],
        [{ id: 'bad id!' }, 'id'],
        [{ id: { $gt: '' } }, 'id'],
        [{ departmentId: 'no-such-department' }, 'departmentId'],
        [{ phone: '12345' }, 'phone'],
        [{ name: '' }, 'name'],
      ];
      for (const [change, field] of cases) {
        const body = { id, name: '某人', roles: ['agent'], password: PASSWORD, ...change };
        const r = await admin.post('/api/users').send(body);
        expect({ change, status: r.status }).toEqual({ change, status: 400 });
        expect(r.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      }
      const list = await admin.get('/api/users');
      expect(list.body.items.map((u: { id: string }) => u.id)).not.toContain(id);
    });

    it('is for admins only (403), and needs a token (401)', async () => {
      for (const who of ['agent01', 'supervisor01', 'judge01', 'president']) {
        const client = await t.as(who);
        expect((await client.get('/api/users')).status).toBe(403);
        expect(
          (
            await client
              .post('/api/users')
              .send({ id: newId('x'), name: 'x', roles: ['agent'], password: PASSWORD })
          ).status,
        ).toBe(403);
        expect(
          (await client.post('/api/users/agent01/password').send({ password: PASSWORD })).status,
        ).toBe(403);
      }
      expect((await t.http().get('/api/users')).status).toBe(401);
    });
  });

  describe('GET /api/users and PATCH /api/users/:id', () => {
    it('lists every account with its state, phones masked (demo accounts take the directory’s)', async () => {
      const r = await (await t.as('admin')).get('/api/users');
      expect(r.status).toBe(200);
      const judge = r.body.items.find((u: { id: string }) => u.id === 'judge01');
      expect(judge).toEqual({
        id: 'judge01',
        name: expect.any(String),
        roles: ['handler'],
        departmentId: 'civil',
        phone: '139****1001',
        disabled: false,
        mustChangePassword: false,
        lastLoginAt: expect.any(String),
      });
      expect(JSON.stringify(r.body)).not.toMatch(/13903731001|passwordHash|scrypt/);
    });

    it('changes name, roles, department and phone; unknown id → 404; bad values → 400', async () => {
      const admin = await t.as('admin');
      const id = newId('agent');
      await admin.post('/api/users').send({ id, name: '甲', roles: ['agent'], password: PASSWORD });
      const r = await admin.patch(`/api/users/${id}`).send({
        name: '乙',
        roles: ['agent', 'supervisor'],
        departmentId: 'filing',
        phone: '13800138000',
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        id,
        name: '乙',
        roles: ['agent', 'supervisor'],
        departmentId: 'filing',
        phone: '138****8000',
      });
      expect((await admin.patch('/api/users/nobody-here').send({ name: 'x' })).status).toBe(404);
      expect(
        (await admin.post('/api/users/nobody-here/password').send({ password: PASSWORD })).status,
      ).toBe(404);
      const bad = await admin.patch(`/api/users/${id}`).send({ roles: ['root'] });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('roles');
      const unknownField = await admin.patch(`/api/users/${id}`).send({ password: 'x' });
      expect(unknownField.status).toBe(400);
      const self = await admin.patch('/api/users/admin').send({ disabled: true });
      expect(self.status).toBe(400);
      expect(self.body.errors[0].field).toBe('disabled');
    });

    it('keeps a directory person’s name, department and phone in step with their account', async () => {
      const admin = await t.as('admin');
      const id = newId('judge');
      const person = await admin
        .put(`/api/directory/people/${id}`)
        .send({ name: '孙立', role: 'handler', departmentId: 'civil', phone: '13903731012' });
      expect(person.status).toBe(200);
      const created = await admin
        .post('/api/users')
        .send({ id, name: '孙立', roles: ['handler'], departmentId: 'civil', password: PASSWORD });
      expect(created.status).toBe(201);
      expect(created.body.phone).toBe('139****1012');
      await admin.patch(`/api/users/${id}`).send({ name: '孙立新' });
      const directory = await admin.get('/api/directory');
      expect(directory.body.people.find((p: { id: string }) => p.id === id)).toMatchObject({
        name: '孙立新',
      });
      await admin
        .put(`/api/directory/people/${id}`)
        .send({ name: '孙力', role: 'handler', departmentId: 'civil', phone: '13903731013' });
      const list = await admin.get('/api/users');
      expect(list.body.items.find((u: { id: string }) => u.id === id)).toMatchObject({
        name: '孙力',
        phone: '139****1013',
      });
    });
  });

  describe('must change the password first', () => {
    it('403 everywhere but /api/auth/me and /api/auth/password, on all three services', async () => {
      const admin = await t.as('admin');
      const id = newId('sup');
      await admin
        .post('/api/users')
        .send({ id, name: '新主管', roles: ['supervisor'], password: PASSWORD });
      const first = await login(id, PASSWORD);
      expect(first.status).toBe(200);
      expect(first.body.user).toEqual({
        id,
        name: '新主管',
        roles: ['supervisor'],
        departmentId: null,
        mustChangePassword: true,
      });
      const token: string = first.body.accessToken;
      expect(await statuses(id, token)).toEqual([403, 403, 403]);
      const refused = await t.http().get('/api/tickets').set('Authorization', bearer(token));
      expect(refused.body).toEqual({
        statusCode: 403,
        message: expect.stringContaining('修改密码'),
      });
      const me = await t.http().get('/api/auth/me').set('Authorization', bearer(token));
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id, mustChangePassword: true });

      const change = (body: object) =>
        t
          .http()
          .post('/api/auth/password')
          .set('Authorization', bearer(token))
          .set('X-Forwarded-For', from())
          .send(body);
      const wrong = await change({ currentPassword: 'not-my-password', newPassword: NEW_PASSWORD });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors[0].field).toBe('currentPassword');
      for (const newPassword of ['short', id, PASSWORD]) {
        const bad = await change({ currentPassword: PASSWORD, newPassword });
        expect(bad.status).toBe(400);
        expect(bad.body.errors[0].field).toBe('newPassword');
      }
      const missing = await change({ newPassword: NEW_PASSWORD });
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].field).toBe('currentPassword');

      const done = await change({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(done.status).toBe(204);
      // the token used for the change is older than the new password: refused everywhere
      await refusedEverywhere(id, token);
      expect((await login(id, PASSWORD)).status).toBe(401);
      const again = await login(id, NEW_PASSWORD);
      expect(again.body.user.mustChangePassword).toBe(false);
      expect(await statuses(id, again.body.accessToken)).toEqual([200, 200, 200]);
    });

    it('after an admin reset: old tokens 401, the new password works, must change again', async () => {
      const { id, token } = await readyUser();
      const admin = await t.as('admin');
      const reset = await admin
        .post(`/api/users/${id}/password`)
        .send({ password: 'Reset-pass-2026' });
      expect(reset.status).toBe(204);
      const short = await admin.post(`/api/users/${id}/password`).send({ password: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.errors[0].field).toBe('password');
      await refusedEverywhere(id, token);
      const r = await login(id, 'Reset-pass-2026');
      expect(r.body.user.mustChangePassword).toBe(true);
      expect(await statuses(id, r.body.accessToken)).toEqual([403, 403, 403]);
      const list = await admin.get('/api/users');
      expect(list.body.items.find((u: { id: string }) => u.id === id)).toMatchObject({
        mustChangePassword: true,
        lastLoginAt: expect.any(String),
      });
    });
  });

  describe('revocation', () => {
    it('a disabled user’s token → 401 on intake, notification and reporting; no login; enabling does not revive it', async () => {
      const { id, token } = await readyUser();
      expect(await statuses(id, token)).toEqual([200, 200, 200]);
      const admin = await t.as('admin');
      const disabled = await admin.patch(`/api/users/${id}`).send({ disabled: true });
      expect(disabled.status).toBe(200);
      expect(disabled.body.disabled).toBe(true);
      const took = await refusedEverywhere(id, token);
      expect(took).toBeLessThanOrEqual(REVOCATION_BOUND_MS + 1_000);
      expect((await login(id, NEW_PASSWORD)).status).toBe(401);

      await admin.patch(`/api/users/${id}`).send({ disabled: false });
      expect((await statuses(id, token)).every((s) => s === 401)).toBe(true);
      expect((await login(id, NEW_PASSWORD)).status).toBe(200);
    });

    it('a changed role ends the sessions too (the roles are in the token)', async () => {
      const { id, token } = await readyUser();
      await (await t.as('admin')).patch(`/api/users/${id}`).send({ roles: ['agent'] });
      await refusedEverywhere(id, token);
    });

    it('the guard adds no noticeable latency (one read by _id per account per 3 s)', async () => {
      const { id, token } = await readyUser();
      const cache = t.app.get(AccountStateCache);
      const timeIt = async (n: number, call: () => Promise<unknown>) => {
        const started = process.hrtime.bigint();
        for (let i = 0; i < n; i++) await call();
        return Number(process.hrtime.bigint() - started) / 1e6 / n;
      };
      const store = AccountStore.of(t.harness.database);
      const read = await timeIt(50, () => store.state(id));
      await cache.get(id);
      const cached = await timeIt(10_000, () => cache.get(id));
      const me = await timeIt(100, () =>
        t.http().get('/api/auth/me').set('Authorization', bearer(token)),
      );
      console.log(
        `guard: account read by _id ${read.toFixed(2)} ms (at most once per account per 3 s), cached ${(cached * 1000).toFixed(2)} µs; GET /api/auth/me ${me.toFixed(2)} ms`,
      );
      expect(cached).toBeLessThan(0.05);
    });
  });

  describe('passwords', () => {
    it('rehashes a weaker stored hash on a successful login; the old hash verified first', async () => {
      const id = newId('old');
      const store = AccountStore.of(t.harness.database);
      const weak = await hashPassword(PASSWORD, { N: 2 ** 14, r: 8, p: 1 });
      await store.insert({
        _id: id,
        name: '老账号',
        roles: ['agent'],
        departmentId: null,
        passwordHash: weak,
        disabled: false,
        createdAt: new Date(),
      });
      expect((await login(id, 'wrong-password-1')).status).toBe(401);
      expect((await store.get(id))?.passwordHash).toBe(weak);
      const r = await login(id, PASSWORD);
      expect(r.status).toBe(200);
      expect(r.body.user.mustChangePassword).toBe(false);
      const after = (await store.get(id))!.passwordHash;
      expect(after).not.toBe(weak);
      expect(after.startsWith(CURRENT_HASH_PREFIX)).toBe(true);
      expect((await login(id, PASSWORD)).status).toBe(200);
      expect((await store.get(id))!.passwordHash).toBe(after);
      // its token (no change pending, version 0) works
      expect(
        (await t.http().get('/api/tickets').set('Authorization', bearer(r.body.accessToken)))
          .status,
      ).toBe(200);
    });

    it('new accounts are hashed at the current parameters', async () => {
      const admin = await t.as('admin');
      const id = newId('hash');
      await admin
        .post('/api/users')
        .send({ id, name: '散列', roles: ['agent'], password: PASSWORD });
      const stored = (await AccountStore.of(t.harness.database).get(id))!.passwordHash;
      expect(stored.startsWith(CURRENT_HASH_PREFIX)).toBe(true);
    });
  });

  describe('failed logins back off per account', () => {
    it('free failures, then 1 s, 2 s … from any address; the right password after the wait works', async () => {
      const { id } = await readyUser();
      for (let i = 0; i < 3; i++) expect((await login(id, `wrong-${i}-password`)).status).toBe(401);
      const held = await login(id, NEW_PASSWORD, from());
      expect(held.status).toBe(429);
      expect(held.headers['retry-after']).toBe('1');
      expect(held.body).toEqual({ statusCode: 429, message: expect.stringContaining('秒') });
      await new Promise((resolve) => setTimeout(resolve, 1_050));
      expect((await login(id, 'wrong-4-password')).status).toBe(401);
      const longer = await login(id, NEW_PASSWORD);
      expect(longer.status).toBe(429);
      expect(longer.headers['retry-after']).toBe('2');
      await new Promise((resolve) => setTimeout(resolve, 2_050));
      expect((await login(id, NEW_PASSWORD)).status).toBe(200);
      // a success clears the account's failures
      expect((await login(id, 'wrong-5-password')).status).toBe(401);
      expect((await login(id, NEW_PASSWORD)).status).toBe(200);
    });

    it('a wrong current password at a change counts as a failure too', async () => {
      const { id, token } = await readyUser();
      for (let i = 0; i < 3; i++) {
        const r = await t
          .http()
          .post('/api/auth/password')
          .set('Authorization', bearer(token))
          .send({ currentPassword: `guess-${i}-password`, newPassword: 'Another-pass-2026' });
        expect(r.status).toBe(400);
      }
      expect((await login(id, NEW_PASSWORD)).status).toBe(429);
    });

    it('per address, through TRUST_PROXY: the forwarded client address is what is counted', async () => {
      const guesser = '203.0.113.9';
      let status = 0;
      for (let i = 0; i < 30 && status !== 429; i++) {
        status = (await login(newId('guess'), 'x-password', guesser)).status;
      }
      expect(status).toBe(429);
      // another client behind the same proxy is not held back
      expect((await login('agent01', 'demo12368', '203.0.113.10')).status).toBe(200);
    });
  });

  describe('npm run create-admin', () => {
    it('creates an admin who must change the password; an id in use or a weak password → exit 1', async () => {
      const id = newId('root');
      const lines: string[] = [];
      const env = { ...process.env, ADMIN_PASSWORD: 'First-admin-2026' };
      const code = await runCreateAdmin(['--id', id, '--name', '首位管理员'], env, (l) =>
        lines.push(l),
      );
      expect(code).toBe(0);
      expect(lines.join('\n')).toContain(id);
      const r = await login(id, 'First-admin-2026');
      expect(r.status).toBe(200);
      expect(r.body.user).toMatchObject({ id, roles: ['admin'], mustChangePassword: true });
      expect(
        (await t.http().get('/api/users').set('Authorization', bearer(r.body.accessToken))).status,
      ).toBe(403);

      expect(await runCreateAdmin(['--id', id, '--name', 'again'], env, () => {})).toBe(1);
      expect(
        await runCreateAdmin(
          ['--id', newId('root'), '--name', 'weak'],
          { ...process.env, ADMIN_PASSWORD: 'short' },
          () => {},
        ),
      ).toBe(1);
      const noPassword = { ...process.env };
      delete noPassword.ADMIN_PASSWORD;
      expect(
        await runCreateAdmin(['--id', newId('root'), '--name', 'x'], noPassword, () => {}),
      ).toBe(1);
      expect(await runCreateAdmin(['--name', 'x'], env, () => {})).toBe(1);
    });
  });
});
