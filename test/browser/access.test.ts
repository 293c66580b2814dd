import {
  expectAccessible,
  PHONE,
  pathOf,
  scrollsSideways,
  settled,
  submitLogin,
  useWebStack,
  waitForPath,
} from '../support/browser';
import { type TicketCreated, transferToJudgeBody } from '../support/web-fixtures';

/**
 * Signing in and out, each role's home, the way back to a page after a refused token or a
 * notice's link, and axe-core on every page of UI.md for the roles that see it.
 */
interface SessionStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

describe('web UI: access', () => {
  const web = useWebStack({ name: 'access' });
  let ticket: TicketCreated;

  beforeAll(async () => {
    ticket = await web.stack.api<TicketCreated>(
      'agent01',
      'POST',
      '/api/tickets',
      transferToJudgeBody(),
    );
  });

  it('refuses a wrong password with an alert, and stays on /login', async () => {
    const page = await web.newPage();
    await page.goto('/login');
    await settled(page);
    await submitLogin(page, 'agent01', 'not-the-password');
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    expect(pathOf(page)).toBe('/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expectAccessible(page, '/login with the error shown');
  });

  it.each([
    ['agent01', '/intake', '王静'],
    ['judge01', '/inbox', '李明'],
    ['supervisor01', '/dashboard', '杨帆'],
    ['vice-president', '/dashboard', '陈国华'],
    ['admin', '/admin/users', '系统管理员'],
  ])('takes %s to %s after login, with the header', async (username, home, name) => {
    const page = await web.loginAs(username);
    await waitForPath(page, home);
    const header = page.getByRole('banner');
    await header.getByText(name).first().waitFor();
    await header.getByRole('button', { name: '通知' }).waitFor();
    await header.getByRole('button', { name: '退出登录', exact: true }).click();
    await waitForPath(page, '/login');
    // signed out: the home page is no longer reachable without signing in again
    await page.goto(home);
    await waitForPath(page, '/login');
  });

  it('returns to /login on a refused token (401), and back to the page after signing in', async () => {
    const page = await web.loginAs('agent01');
    await page.goto('/tickets');
    await settled(page);
    // The session's token is no longer accepted (as after the secret changed or it expired):
    // the next API call answers 401.
    await page.evaluate(() => {
      const storage = (globalThis as unknown as { sessionStorage: SessionStorage }).sessionStorage;
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i)!;
        const value = storage.getItem(key) ?? '';
        if (value.includes('accessToken')) {
          const session = JSON.parse(value) as { accessToken: string };
          storage.setItem(key, JSON.stringify({ ...session, accessToken: 'expired.token.value' }));
        }
      }
    });
    const refused = page.waitForResponse((r) => r.url().includes('/api/') && r.status() === 401);
    await page.reload();
    await refused;
    await waitForPath(page, '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/tickets');
    await submitLogin(page, 'agent01');
    await waitForPath(page, '/tickets');
    await settled(page);
  });

  it("opens a notice's link (/tickets/<id>) after login when signed out", async () => {
    const page = await web.newPage();
    await page.goto(`/tickets/${ticket.id}`);
    await waitForPath(page, '/login');
    await submitLogin(page, 'judge01');
    await waitForPath(page, `/tickets/${ticket.id}`);
    await settled(page);
    await page.getByText(ticket.id).first().waitFor();
  });

  const ticketPage = '/tickets/:id';
  it.each([
    ['agent01', ['/intake', '/voicemails', '/tickets', ticketPage, '/password']],
    ['judge01', ['/inbox', '/tickets', ticketPage, '/ledger']],
    ['supervisor01', ['/dashboard', '/tickets', ticketPage, '/ledger', '/bulletins']],
    ['vice-president', ['/dashboard', '/inbox', '/tickets', '/ledger', '/bulletins']],
    [
      'admin',
      [
        '/admin/users',
        '/admin/directory',
        '/admin/calendar',
        '/admin/audit',
        '/tickets',
        ticketPage,
        '/ledger',
        '/bulletins',
      ],
    ],
  ])('has no serious or critical axe-core violations on the pages of %s', async (user, routes) => {
    const page = await web.loginAs(user);
    const problems: string[] = [];
    for (const route of routes) {
      await page.goto(route.replace(':id', ticket.id));
      await settled(page);
      // a page this role may see: not the "no access" result
      expect(await page.getByText('无权访问').count()).toBe(0);
      await expectAccessible(page, `${route} as ${user}`).catch((error: Error) =>
        problems.push(error.message),
      );
    }
    if (problems.length > 0) throw new Error(problems.join('\n\n'));
  });

  it.each([['/inbox'], [ticketPage]])('does not scroll sideways at 390×844: %s', async (route) => {
    const page = await web.loginAs('judge01', { viewport: PHONE });
    await page.goto(route.replace(':id', ticket.id));
    await settled(page);
    if (route === ticketPage) await page.getByText(ticket.id).first().waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page, `${route} at 390×844`);
  });
});
