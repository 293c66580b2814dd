import { SeedService } from '../../apps/intake/src/seed/seed.service';
import { DEMO_DIRECTORY } from '../../libs/domain/src';
import { DEMO_PASSWORD, IntakeTestApp } from '../support/intake-app';

/** API.md's roles, and who may call what (the intake's part of the matrix). */
const USERS = {
  agent: 'agent01',
  handler: 'judge01',
  supervisor: 'supervisor01',
  leader: 'vice-president',
  admin: 'admin',
  telephony: 'telephony',
} as const;
type RoleName = keyof typeof USERS;

const NO_TICKET = 'T20000101-0001';
const MATRIX: { method: 'get' | 'post' | 'put'; url: string; allowed: RoleName[] }[] = [
  { method: 'post', url: '/api/tickets', allowed: ['agent'] },
  { method: 'post', url: '/api/tickets/proposal', allowed: ['agent'] },
  {
    method: 'get',
    url: '/api/tickets',
    allowed: ['agent', 'handler', 'supervisor', 'leader', 'admin'],
  },
  {
    method: 'get',
    url: `/api/tickets/${NO_TICKET}`,
    allowed: ['agent', 'handler', 'supervisor', 'leader', 'admin'],
  },
  { method: 'post', url: `/api/tickets/${NO_TICKET}/feedback`, allowed: ['handler', 'leader'] },
  { method: 'post', url: `/api/tickets/${NO_TICKET}/repeat-calls`, allowed: ['agent'] },
  { method: 'post', url: `/api/tickets/${NO_TICKET}/acknowledge`, allowed: ['leader', 'handler'] },
  { method: 'post', url: `/api/tickets/${NO_TICKET}/reminders`, allowed: ['agent'] },
  { method: 'post', url: `/api/tickets/${NO_TICKET}/callback`, allowed: ['agent'] },
  { method: 'post', url: '/api/voicemails', allowed: ['agent', 'admin', 'telephony'] },
  { method: 'get', url: '/api/voicemails', allowed: ['agent', 'supervisor', 'admin'] },
  {
    method: 'get',
    url: '/api/directory',
    allowed: ['agent', 'handler', 'supervisor', 'leader', 'admin'],
  },
  { method: 'put', url: '/api/directory/people/someone', allowed: ['admin'] },
  { method: 'put', url: '/api/directory/departments/some-dept', allowed: ['admin'] },
  { method: 'put', url: '/api/directory/cases', allowed: ['admin'] },
  { method: 'post', url: '/api/directory/import', allowed: ['admin'] },
];

describe('intake: accounts, roles, directory', () => {
  const t = new IntakeTestApp();
  beforeAll(() => t.start());
  afterAll(() => t.stop());

  describe('POST /api/auth/login', () => {
    it('issues a token and the user for each demo account', async () => {
      for (const person of DEMO_DIRECTORY.people) {
        const r = await t
          .http()
          .post('/api/auth/login')
          .send({ username: person.id, password: DEMO_PASSWORD });
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({
          accessToken: expect.any(String),
          user: { id: person.id, name: person.name, roles: [person.role] },
        });
      }
    });

    it('answers 401 for a wrong password or an unknown user, 400 for a bad body', async () => {
      const wrong = await t
        .http()
        .post('/api/auth/login')
        .send({ username: 'agent01', password: 'nope' });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual({ statusCode: 401, message: '用户名或密码错误' });
      const unknown = await t
        .http()
        .post('/api/auth/login')
        .send({ username: 'nobody', password: DEMO_PASSWORD });
      expect(unknown.status).toBe(401);
      const bad = await t
        .http()
        .post('/api/auth/login')
        .send({ username: { $gt: '' }, password: 'x' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'username' })]),
      );
    });

    it('refuses a missing or bad token with 401', async () => {
      expect((await t.http().get('/api/tickets')).status).toBe(401);
      const bad = await t.http().get('/api/tickets').set('Authorization', 'Bearer abc.def.ghi');
      expect(bad.status).toBe(401);
      expect(bad.body).toEqual({ statusCode: 401, message: expect.any(String) });
    });
  });

  describe('role × endpoint matrix', () => {
    for (const { method, url, allowed } of MATRIX) {
      for (const role of Object.keys(USERS) as RoleName[]) {
        const expectAllowed = allowed.includes(role);
        it(`${method.toUpperCase()} ${url} as ${role}: ${expectAllowed ? 'allowed' : '403'}`, async () => {
          const client = await t.as(USERS[role]);
          const r = await client[method](url).send(method === 'get' ? undefined : {});
          if (expectAllowed) {
            expect([401, 403]).not.toContain(r.status);
          } else {
            expect(r.status).toBe(403);
            expect(r.body).toEqual({ statusCode: 403, message: expect.any(String) });
          }
        });
      }
    }
  });

  describe('directory', () => {
    it('GET /api/directory lists departments, people with masked phones, and cases', async () => {
      const r = await (await t.as('agent01')).get('/api/directory');
      expect(r.status).toBe(200);
      expect(r.body.departments.map((d: { id: string }) => d.id)).toEqual(
        expect.arrayContaining(['civil', 'petition', 'filing', 'enforcement-supervision']),
      );
      const judge = r.body.people.find((p: { id: string }) => p.id === 'judge01');
      expect(judge).toMatchObject({
        id: 'judge01',
        role: 'handler',
        department: 'civil',
        phone: '139****1001',
      });
      expect(JSON.stringify(r.body)).not.toContain('13903731001');
      expect(r.body.cases).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ number: '(2026)豫0782民初1号', presidingJudgeId: 'judge01' }),
        ]),
      );
    });

    it('admin adds a person and a case; bad data → 400 naming the field, nothing written', async () => {
      const admin = await t.as('admin');
      const person = await admin
        .put('/api/directory/people/judge02')
        .send({ name: '钱程', role: 'handler', departmentId: 'civil', phone: '139 0373 1011' });
      expect(person.status).toBe(200);
      expect(person.body).toMatchObject({ id: 'judge02', phone: '13903731011' });
      const kase = await admin
        .put('/api/directory/cases')
        .send({ number: '（2026）豫0782民初2号', presidingJudgeId: 'judge02' });
      expect(kase.status).toBe(200);
      expect(kase.body.number).toBe('(2026)豫0782民初2号');

      const badPhone = await admin
        .put('/api/directory/people/judge03')
        .send({ name: '孙', role: 'handler', departmentId: 'civil', phone: '12345' });
      expect(badPhone.status).toBe(400);
      expect(badPhone.body.errors[0].field).toBe('phone');
      const badHead = await admin
        .put('/api/directory/departments/criminal')
        .send({ name: '刑事审判庭', headId: 'nobody' });
      expect(badHead.status).toBe(400);
      expect(badHead.body.errors[0]).toMatchObject({ field: 'headId' });
      const badJudge = await admin
        .put('/api/directory/cases')
        .send({ number: '(2026)豫0782民初3号', presidingJudgeId: 'nobody' });
      expect(badJudge.status).toBe(400);

      const after = await (await t.as('agent01')).get('/api/directory');
      const ids = after.body.people.map((p: { id: string }) => p.id);
      expect(ids).toContain('judge02');
      expect(ids).not.toContain('judge03');
      expect(after.body.departments.map((d: { id: string }) => d.id)).not.toContain('criminal');
    });

    it('seeding twice at once is safe and changes nothing', async () => {
      const seed = t.app.get(SeedService);
      // other test files of the run may add accounts of their own: count before and after
      const before = await t.harness.database.collection('users').countDocuments();
      await Promise.all([
        seed.seed(DEMO_DIRECTORY, DEMO_PASSWORD),
        seed.seed(DEMO_DIRECTORY, DEMO_PASSWORD),
      ]);
      const users = t.harness.database.collection('users');
      expect(await users.countDocuments()).toBe(before);
      const demo = await Promise.all(
        DEMO_DIRECTORY.people.map((p) => users.countDocuments({ _id: p.id as never })),
      );
      expect(demo.every((n) => n === 1)).toBe(true);
      const login = await t
        .http()
        .post('/api/auth/login')
        .send({ username: 'head-civil', password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
    });
  });

  it('serves OpenAPI docs generated from the DTOs at /api/docs', async () => {
    const r = await t.http().get('/api/docs-json');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/tickets',
        '/api/tickets/{id}/feedback',
        '/api/voicemails',
        '/api/directory',
      ]),
    );
    expect(r.body.components.schemas.CreateTicketDto.properties).toHaveProperty('caller');
  });

  describe('failed logins are rate-limited', () => {
    it('per account: after 10 failures even the right password waits (429, back-off)', async () => {
      for (let i = 0; i < 10; i++) {
        const r = await t
          .http()
          .post('/api/auth/login')
          .send({ username: 'president', password: `wrong${i}` });
        expect(r.status).toBe(401);
      }
      const locked = await t
        .http()
        .post('/api/auth/login')
        .send({ username: 'president', password: DEMO_PASSWORD });
      expect(locked.status).toBe(429);
      expect(locked.headers['retry-after']).toBeDefined();
      expect(locked.body).toEqual({ statusCode: 429, message: expect.stringContaining('后再试') });
    });

    it('per address: many failures across accounts block the address', async () => {
      let status = 0;
      for (let i = 0; i < 120 && status !== 429; i++) {
        const r = await t
          .http()
          .post('/api/auth/login')
          .send({ username: `guess${i}`, password: 'x' });
        status = r.status;
      }
      expect(status).toBe(429);
    });
  });
});
