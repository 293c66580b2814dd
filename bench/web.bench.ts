/**
 * Web UI benchmarks, against the running embedded stack (`npm start`), in Debian's Chromium:
 *
 * 1. Bytes (as sent, gzipped) a cold browser loads before `/login` is usable (its `登录`
 *    button shown), and before `/intake` is usable for a signed-in agent (`提交工单` shown).
 * 2. Time from navigation to an interactive `/intake` (the `来电人姓名` field editable),
 *    cold cache and warm, BENCH_RUNS runs (default 5) each.
 * 3. Dispatch → the ticket showing in a handler's open `/inbox`, BENCH_TICKETS transfers
 *    (default 20) logged through the API one after another; p50 / p99.
 *
 * Loopback only, bounded loops. The tickets it logs stay in the dev ledger (marked in their
 * content `性能测试`).
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { percentile } from './bench-kit';
import { reportFigures } from './bench-report';

const BASE = process.env.BENCH_WEB_URL ?? 'http://127.0.0.1:3000';
const RUNS = Math.min(Number(process.env.BENCH_RUNS ?? 5), 50);
const TICKETS = Math.min(Number(process.env.BENCH_TICKETS ?? 20), 200);
const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo12368';

const ms = (n: number) => `${Math.round(n)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function login(username: string) {
  const response = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
  return (await response.json()) as { accessToken: string; user: unknown };
}

/** A page whose tab already holds the session, as after signing in. */
async function signedInPage(browser: Browser, username: string): Promise<Page> {
  const session = await login(username);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript({
    content: `sessionStorage.setItem('court12368.session', ${JSON.stringify(JSON.stringify(session))});`,
  });
  return context.newPage();
}

/** What travelled over the wire until `ready` resolves: encoded (gzipped) bodies, and headers. */
async function bytesUntil(page: Page, path: string, ready: (page: Page) => Promise<unknown>) {
  const sizes: Promise<{ body: number; headers: number }>[] = [];
  page.on('requestfinished', (request) => {
    sizes.push(
      request.sizes().then(
        (s) => ({ body: s.responseBodySize, headers: s.responseHeadersSize }),
        () => ({ body: 0, headers: 0 }),
      ),
    );
  });
  await page.goto(`${BASE}${path}`);
  await ready(page);
  const all = await Promise.all(sizes);
  return {
    body: all.reduce((sum, s) => sum + s.body, 0),
    headers: all.reduce((sum, s) => sum + s.headers, 0),
    requests: all.length,
  };
}

const wire = (b: { body: number; headers: number; requests: number }) =>
  `${kb(b.body)} gzipped bodies + ${kb(b.headers)} headers in ${b.requests} requests`;

const intakeUsable = (page: Page) =>
  page.getByRole('button', { name: '提交工单' }).waitFor({ state: 'visible', timeout: 30_000 });

async function bytes(browser: Browser) {
  const loginPage = await (await browser.newContext()).newPage();
  const loginBytes = await bytesUntil(loginPage, '/login', (p) =>
    p.getByRole('button', { name: '登录' }).waitFor({ timeout: 30_000 }),
  );
  await loginPage.context().close();
  const intakePage = await signedInPage(browser, 'agent01');
  const intakeBytes = await bytesUntil(intakePage, '/intake', intakeUsable);
  await intakePage.context().close();
  console.log(`bytes before usable (cold cache): /login ${wire(loginBytes)}`);
  console.log(`bytes before usable (cold cache): /intake ${wire(intakeBytes)}`);
  reportFigures('web', [
    {
      figure: 'compressed bytes before /intake is usable (cold cache)',
      value: intakeBytes.body / 1024,
      unit: 'KB',
      aim: { below: 350 },
      note: `+ ${kb(intakeBytes.headers)} headers`,
    },
  ]);
}

async function timeToInteractive(browser: Browser) {
  const measure = async (page: Page) => {
    const started = Date.now();
    await page.goto(`${BASE}/intake`);
    await page.getByLabel('来电人姓名').waitFor({ state: 'visible', timeout: 30_000 });
    await intakeUsable(page);
    return Date.now() - started;
  };
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await signedInPage(browser, 'agent01');
    cold.push(await measure(page));
    warm.push(await measure(page));
    await page.context().close();
  }
  const line = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `min ${ms(sorted[0]!)} median ${ms(percentile(sorted, 50))} max ${ms(sorted.at(-1)!)}`;
  };
  console.log(
    `navigation → interactive /intake, ${RUNS} runs: cold ${line(cold)}; warm ${line(warm)}`,
  );
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  reportFigures('web', [
    {
      figure: 'navigation → interactive /intake, cold (median)',
      value: median(cold),
      unit: 'ms',
      aim: { below: 1000 },
    },
    {
      figure: 'navigation → interactive /intake, warm (median)',
      value: median(warm),
      unit: 'ms',
      aim: { below: 1000 },
    },
  ]);
}

async function dispatchToInbox(browser: Browser) {
  const agent = await login('agent01');
  const page = await signedInPage(browser, 'head-petition');
  await page.goto(`${BASE}/inbox`);
  // The notice stream stays open, so the network is never idle: wait for the list itself.
  await page.getByRole('heading', { name: '我的待办' }).waitFor();
  const delays: number[] = [];
  for (let i = 0; i < TICKETS; i++) {
    const response = await fetch(`${BASE}/api/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${agent.accessToken}` },
      body: JSON.stringify({
        channel: 'phone',
        caller: { name: '性能测试', phone: `139${String(10_000_000 + i * 7919).slice(-8)}` },
        type: 'petition',
        content: `性能测试：信访来电 ${i + 1}`,
        answer: null,
        flags: {
          urgent: false,
          abusive: false,
          litigationRights: false,
          couldNotReachJudge: false,
        },
      }),
    });
    const created = (await response.json()) as { id?: string; message?: string };
    if (!response.ok || !created.id)
      throw new Error(`ticket ${i}: ${response.status} ${created.message}`);
    const dispatched = Date.now();
    await page.getByText(created.id).first().waitFor({ state: 'visible', timeout: 30_000 });
    delays.push(Date.now() - dispatched);
  }
  await page.context().close();
  const sorted = [...delays].sort((a, b) => a - b);
  reportFigures('web', [
    {
      figure: 'dispatch → visible in an open /inbox p99',
      value: percentile(sorted, 99),
      unit: 'ms',
      aim: { below: 2000 },
    },
  ]);
  console.log(
    `dispatch → visible in the open /inbox, ${TICKETS} transfers: p50 ${ms(percentile(sorted, 50))}, ` +
      `p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1)!)}`,
  );
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  });
  try {
    const parts = (process.env.BENCH_PARTS ?? 'bytes,interactive,inbox').split(',');
    if (parts.includes('bytes')) await bytes(browser);
    if (parts.includes('interactive')) await timeToInteractive(browser);
    if (parts.includes('inbox')) await dispatchToInbox(browser);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
