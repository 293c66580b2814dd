import { button, settled, submitLogin, useWebStack, waitForPath } from '../support/browser';

/**
 * An administrator's account work through the web UI (issue #12's "done when"): a new account
 * is made, its person must change the password at first login and then works, and disabling
 * the account ends the session that is open.
 */
describe('web UI: accounts', () => {
  const web = useWebStack({ name: 'accounts' });

  it('an admin creates an agent; the agent changes the password, works, and is cut off when disabled', async () => {
    const admin = await web.loginAs('admin');
    await waitForPath(admin, '/admin/users');
    const id = `clerk${Date.now().toString(36).slice(-5)}`;
    await button(admin, '新建用户').click();
    const form = admin.getByRole('dialog');
    await form.getByLabel('用户名', { exact: true }).fill(id);
    await form.getByLabel('姓名', { exact: true }).fill('测试书记员');
    // a multiple select: its search box is the labelled field
    await form.getByLabel('角色', { exact: true }).click();
    await admin.keyboard.type('座席员');
    await admin.keyboard.press('Enter');
    await admin.keyboard.press('Escape');
    await form.getByLabel('初始密码', { exact: true }).fill('Initial-Pass-2026');
    await button(form, '创建').click();
    const row = admin.getByRole('row').filter({ hasText: id });
    await row.waitFor();

    const agent = await web.newPage();
    await agent.goto('/login');
    await settled(agent);
    await submitLogin(agent, id, 'Initial-Pass-2026');
    await waitForPath(agent, '/password');
    await agent.getByLabel('当前密码', { exact: true }).fill('Initial-Pass-2026');
    await agent.getByLabel('新密码', { exact: true }).fill('Second-Pass-2026');
    await agent.getByLabel('确认新密码', { exact: true }).fill('Second-Pass-2026');
    await button(agent, '修改密码').click();
    await waitForPath(agent, '/intake');
    await agent.getByLabel('来电人姓名', { exact: true }).waitFor();

    await row.getByRole('button', { name: '停用' }).click();
    // the confirmation says what it does; its button carries the same word
    await admin.getByText('停用后其已登录的会话立即失效。').waitFor();
    await button(admin, '停用').click();
    await row.getByText('已停用').waitFor();

    // the next call of the open session is refused: back to /login
    await agent.getByRole('link', { name: '工单查询' }).click();
    await waitForPath(agent, '/login');
    await submitLogin(agent, id, 'Second-Pass-2026');
    await agent.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    expect(new URL(agent.url()).pathname).toBe('/login');
  });
});
