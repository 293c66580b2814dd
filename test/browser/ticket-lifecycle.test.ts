import { mkdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import {
  button,
  choose,
  expectAccessible,
  PHONE,
  poll,
  scrollsSideways,
  settled,
  useWebStack,
} from '../support/browser';
import { type TicketCreated, transferToJudgeBody } from '../support/web-fixtures';

interface TicketView {
  id: string;
  status: string;
  handlerId: string | null;
  acceptedAt: string | null;
  deadlines: { feedbackBy: string | null };
  disposition: { target: { id: string; name: string } | null };
  extension: { status: string; until: string | null } | null;
  progressNotes: { note: string }[];
  returns: { reason: string }[];
  reassignments: { to: { id: string }; lostMs: number }[];
}

/** Where the screenshots of each new state go (looked at by hand, not kept in the repository). */
const SHOTS_DIR = '/tmp/shots';

/** `2026-12-04 17:00` and `2026-12-04T17:00` (datetime-local) in Asia/Shanghai. */
function shanghai(iso: string): { text: string; local: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  return { text: `${date} ${time}`, local: `${date}T${time}` };
}

/** A one-page PDF, small and valid enough for a type judged from its bytes. */
function smallPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * The lifecycle additions on the ticket page (UI.md `/tickets/:id`, API.md "Ticket lifecycle
 * additions"), on the real stack: the handler signs for a ticket (签收), reports progress
 * (进展说明), asks for more time (申请延期) which the department head grants (同意延期), and
 * attaches a file (上传附件); another ticket is returned (退回) and an agent reassigns it (改派).
 */
describe('web UI: a transfer signed for, extended, returned and reassigned', () => {
  const web = useWebStack({ name: 'lifecycle' });

  const createTicket = (content: string) =>
    web.stack.api<TicketCreated>('agent01', 'POST', '/api/tickets', transferToJudgeBody(content));
  const readTicket = (id: string) =>
    web.stack.api<TicketView>('supervisor01', 'GET', `/api/tickets/${encodeURIComponent(id)}`);

  /** A PNG of the page as it is now, in /tmp/shots/<name>.png. */
  async function shot(page: Page, name: string): Promise<void> {
    await settled(page);
    mkdirSync(SHOTS_DIR, { recursive: true });
    await page.screenshot({
      path: `${SHOTS_DIR}/${name}.png`,
      fullPage: true,
      animations: 'disabled',
    });
  }

  /** The ticket page's status line (`状态：已退回`) until it reads `status`. */
  async function waitForStatus(page: Page, status: string): Promise<void> {
    await page.getByText(`状态：${status}`, { exact: true }).waitFor();
  }

  /** The times the 期限 region shows (each deadline is a `<time>`). */
  async function deadlineTimes(deadlines: Locator): Promise<string[]> {
    return (await deadlines.locator('time').allTextContents()).map((t) => t.trim());
  }

  let ticket: TicketCreated;

  beforeAll(async () => {
    ticket = await createTicket('联系不上承办法官，请法官回电说明案件进展');
  });

  it('the handler signs for the ticket (签收) and reports progress (进展说明, 提交进展)', async () => {
    const judge = await web.loginAs('judge01');
    await judge.goto(`/tickets/${ticket.id}`);
    await waitForStatus(judge, '已转办');
    const handling = judge.getByRole('region', { name: '承办情况', exact: true });
    await handling.getByText('未签收', { exact: true }).waitFor();
    await shot(judge, 'lifecycle-1-dispatched');
    await expectAccessible(judge, 'the ticket page of the handler addressed');

    await button(judge, '签收').click();
    await handling.getByText('已签收', { exact: true }).waitFor();
    await button(judge, '签收').waitFor({ state: 'detached' });
    expect((await readTicket(ticket.id)).acceptedAt).toEqual(expect.any(String));

    const note = '已调取卷宗，正在核实开庭安排';
    await judge.getByLabel('进展说明', { exact: true }).fill(note);
    await button(judge, '提交进展').click();
    const timeline = judge.getByRole('region', { name: '处理记录', exact: true });
    await timeline.getByText(note, { exact: true }).waitFor();
    await timeline.getByText('进展说明', { exact: true }).first().waitFor();
    await handling.getByText(note, { exact: true }).waitFor();
    // the form is emptied for the next note
    await poll(async () => {
      const value = await judge.getByLabel('进展说明', { exact: true }).inputValue();
      if (value !== '') throw new Error(value);
    }, 'an empty 进展说明 after it was sent');
    expect((await readTicket(ticket.id)).progressNotes.map((p) => p.note)).toEqual([note]);
    await shot(judge, 'lifecycle-2-accepted-progress');
  });

  it('the handler asks for an extension (申请延期); the department head grants it (同意延期)', async () => {
    const before = await readTicket(ticket.id);
    const oldDeadline = shanghai(before.deadlines.feedbackBy!);
    const until = shanghai(
      new Date(Date.parse(before.deadlines.feedbackBy!) + 2 * 86_400_000).toISOString(),
    );

    const judge = await web.loginAs('judge01');
    await judge.goto(`/tickets/${ticket.id}`);
    await waitForStatus(judge, '已转办');
    await button(judge, '申请延期').click();
    await judge.getByLabel('延期至', { exact: true }).fill(until.local);
    await judge.getByLabel('延期理由', { exact: true }).fill('需调取外地卷宗，预计两日内核实完毕');
    await shot(judge, 'lifecycle-3-extension-form');
    await expectAccessible(judge, 'the extension request form');
    await button(judge, '提交延期申请').click();
    await judge.getByText(`已申请延期至 ${until.text}，待审批`).waitFor();
    await button(judge, '申请延期').waitFor({ state: 'detached' });
    expect((await readTicket(ticket.id)).extension).toMatchObject({ status: 'pending' });
    await shot(judge, 'lifecycle-4-extension-pending');

    const head = await web.loginAs('head-civil');
    await head.goto(`/tickets/${ticket.id}`);
    const deadlines = head.getByRole('region', { name: '期限', exact: true });
    await deadlines.getByText(`已申请延期至 ${until.text}，待审批`).waitFor();
    expect(await deadlineTimes(deadlines)).toContain(oldDeadline.text);
    await head.getByLabel('审批意见', { exact: true }).fill('同意延期，请按期反馈');
    await button(head, '不同意延期').waitFor();
    await shot(head, 'lifecycle-5-extension-decision');
    await expectAccessible(head, 'the extension decision of the department head');
    await button(head, '同意延期').click();
    await button(head, '同意延期').waitFor({ state: 'detached' });
    // the feedback deadline on the page is the one asked for
    await poll(async () => {
      const times = await deadlineTimes(deadlines);
      if (!times.includes(until.text) || times.includes(oldDeadline.text)) {
        throw new Error(times.join(', '));
      }
    }, 'the new feedback deadline in 期限');
    const handling = head.getByRole('region', { name: '承办情况', exact: true });
    await handling.getByText('已同意', { exact: true }).waitFor();
    await head
      .getByRole('region', { name: '处理记录', exact: true })
      .getByText('同意延期', { exact: true })
      .first()
      .waitFor();
    const after = await readTicket(ticket.id);
    expect(after.extension).toMatchObject({ status: 'approved' });
    expect(Date.parse(after.deadlines.feedbackBy!)).toBe(Date.parse(`${until.local}:00+08:00`));
    await shot(head, 'lifecycle-6-extension-approved');
  });

  it('the handler attaches a PDF (上传附件); it is listed under 附件 and downloads', async () => {
    const judge = await web.loginAs('judge01', { acceptDownloads: true });
    await judge.goto(`/tickets/${ticket.id}`);
    const attachments = judge.getByRole('region', { name: '附件', exact: true });
    await poll(async () => {
      const text = (await attachments.textContent()) ?? '';
      if (!text.includes('暂无附件。')) throw new Error(text);
    }, 'an empty 附件 section');
    const pdf = smallPdf();
    await judge
      .getByLabel('上传附件', { exact: true })
      .setInputFiles({ name: '核实材料.pdf', mimeType: 'application/pdf', buffer: pdf });
    const link = attachments.getByRole('link', { name: '核实材料.pdf', exact: true });
    await link.waitFor();
    await judge
      .getByRole('region', { name: '处理记录', exact: true })
      .getByText('上传附件', { exact: true })
      .first()
      .waitFor();
    await shot(judge, 'lifecycle-7-attachment');

    const download = judge.waitForEvent('download');
    await link.click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('核实材料.pdf');
    expect(
      readFileSync(await saved.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    // a type not allowed is refused, in Chinese, and nothing is listed
    await judge.getByLabel('上传附件', { exact: true }).setInputFiles({
      name: 'script.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ\x90\x00not a document', 'latin1'),
    });
    const alert = attachments.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/上传失败：script\.exe.*[\u4e00-\u9fff]/);
    expect(await attachments.getByRole('link').count()).toBe(1);
  });

  it('the handler returns a misrouted ticket (退回, 退回理由) and an agent reassigns it (改派)', async () => {
    const misrouted = await createTicket('反映立案庭迟迟不予立案，请立案庭回复');
    const judge = await web.loginAs('judge01');
    await judge.goto(`/tickets/${misrouted.id}`);
    await waitForStatus(judge, '已转办');
    await button(judge, '退回').click();
    const reason = '该事项属立案庭职责，不属本人承办';
    await judge.getByLabel('退回理由', { exact: true }).fill(reason);
    await shot(judge, 'lifecycle-8-return-form');
    await button(judge, '确认退回').click();
    await waitForStatus(judge, '已退回');
    const judgeHandling = judge.getByRole('region', { name: '承办情况', exact: true });
    await judgeHandling.getByText(reason).waitFor();
    // nothing is left for the former handler to do but attach a file
    expect(await button(judge, '提交反馈').count()).toBe(0);
    expect(await button(judge, '退回').count()).toBe(0);
    expect((await readTicket(misrouted.id)).status).toBe('returned');
    await shot(judge, 'lifecycle-9-returned');

    const agent = await web.loginAs('agent01');
    await agent.goto(`/tickets/${misrouted.id}`);
    await waitForStatus(agent, '已退回');
    await button(agent, '改派').click();
    await choose(agent, '改派对象', '吴立新');
    await agent
      .getByLabel('改派理由', { exact: true })
      .fill('来电反映的是立案事项，改由立案庭办理');
    await shot(agent, 'lifecycle-10-reassign-form');
    await expectAccessible(agent, 'the reassignment form of a returned ticket');
    await button(agent, '确认改派').click();
    await waitForStatus(agent, '已转办');
    const after = await readTicket(misrouted.id);
    expect(after).toMatchObject({ status: 'dispatched', handlerId: 'head-filing' });
    expect(after.deadlines.feedbackBy).toEqual(expect.any(String));
    // the new handler's name, and the route with the time lost
    const name = after.disposition.target!.name;
    const handling = agent.getByRole('region', { name: '承办情况', exact: true });
    await handling.getByText(new RegExp(`→ ${name}`)).waitFor();
    await handling.getByText(/耗时 /).waitFor();
    await agent.getByText(name, { exact: true }).first().waitFor();
    await button(agent, '改派').waitFor({ state: 'detached' });
    await shot(agent, 'lifecycle-11-reassigned');

    // the new handler sees it at a judge's phone size, with 签收 offered again
    const newHandler = await web.loginAs('head-filing', { viewport: PHONE });
    await newHandler.goto(`/tickets/${misrouted.id}`);
    await waitForStatus(newHandler, '已转办');
    await button(newHandler, '签收').waitFor();
    expect(await scrollsSideways(newHandler)).toBe(false);
    await shot(newHandler, 'lifecycle-12-new-handler-phone');
  });
});
