import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { DEMO_PASSWORD } from './web-fixtures';
import { WebStack, type WebStackOptions } from './web-stack';

const ROOT = join(__dirname, '..', '..');
export const SCREENSHOTS_DIR = join(ROOT, 'docs', 'screenshots');

/** Court desktops (UI.md). */
export const DESKTOP = { width: 1366, height: 768 };
/** A judge's phone (UI.md). */
export const PHONE = { width: 390, height: 844 };

/** How long a locator waits for what a page shows; the real stack answers in well under this. */
const ACTION_TIMEOUT_MS = 15_000;

/**
 * Chromium from the system's package (Playwright's own download cannot work here):
 * `CHROMIUM_PATH`, else Debian's /usr/bin/chromium.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-dev-shm-usage', '--disable-gpu'],
  });
}

/** Polls `check` until it returns without throwing; fails with its last error after `timeoutMs`. */
export async function poll<T>(
  check: () => Promise<T>,
  what: string,
  timeoutMs = ACTION_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`${what}: not within ${timeoutMs} ms: ${reason}`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The pathname of a page's URL. */
export const pathOf = (page: Page) => new URL(page.url()).pathname;

/** Waits until the page is at `path` (a pathname, or a pattern of one). */
export async function waitForPath(page: Page, path: string | RegExp): Promise<void> {
  await page.waitForURL(
    (url) => (typeof path === 'string' ? url.pathname === path : path.test(url.pathname)),
    { timeout: ACTION_TIMEOUT_MS },
  );
}

/** A button by its exact UI.md name. */
export function button(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', { name, exact: true });
}

/**
 * Picks an option of a select (a combobox) by its label: types it and takes the first match
 * with Enter, as a person at the keyboard does.
 */
export async function choose(scope: Page | Locator, label: string, option: string): Promise<void> {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await box.pressSequentially(option);
  await box.press('Enter');
}

/**
 * The error shown at a field: the field, found by its label, is marked invalid and its
 * description (aria-describedby) holds the message.
 */
export async function fieldError(page: Page, label: string): Promise<string> {
  const field = page.getByLabel(label, { exact: true });
  return poll(async () => {
    if ((await field.getAttribute('aria-invalid')) !== 'true') throw new Error('not invalid');
    const ids = (await field.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
    const texts = await Promise.all(
      ids.map((id) =>
        page
          .locator(`[id="${id}"]`)
          .textContent()
          .catch(() => ''),
      ),
    );
    const text = texts.join(' ').trim();
    if (!text) throw new Error(`no description (aria-describedby="${ids.join(' ')}")`);
    return text;
  }, `an error at ${label}`);
}

/** Fills the login page's form and submits it (the page must be /login). */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await button(page, '登录').click();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string }[];
}

/**
 * axe-core in the page (evaluated, as the CSP admits no inline script tag): fails on any serious
 * or critical violation, listing each with the elements it found.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: typeof axe }).axe;
    const result = await run.run({ resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        summary: n.failureSummary ?? '',
      })),
    }));
  });
  const serious = (violations as AxeViolation[]).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  if (serious.length > 0) {
    const lines = serious.flatMap((v) => [
      `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
      ...v.nodes
        .slice(0, 5)
        .map((n) => `    at ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`),
      ...(v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : []),
    ]);
    throw new Error(`axe-core on ${what} (${page.url()}):\n${lines.join('\n')}`);
  }
}

/** Waits for a page to be drawn: its title set, no skeleton, spinner or busy region left. */
export async function settled(page: Page): Promise<void> {
  await poll(async () => {
    const title = await page.title();
    if (!/ - 12368 工单系统$/.test(title)) throw new Error(`title "${title}"`);
    const busy = await page
      .locator('.ant-skeleton, .ant-spin-spinning, [aria-busy="true"]')
      .count();
    if (busy > 0) throw new Error(`${busy} skeleton(s), spinner(s) or busy region(s) still shown`);
  }, `${page.url()} drawn`);
}

/**
 * A PNG of the page for the docs, in docs/screenshots/<name>.png: once the page is drawn and
 * two shots in a row are the same (charts animate in).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await settled(page);
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  let last: Buffer = Buffer.alloc(0);
  const image = await poll(async () => {
    const shot = await page.screenshot({ animations: 'disabled' });
    const same = shot.equals(last);
    last = shot;
    if (!same) throw new Error('still changing');
    return shot;
  }, `${name}: a still page`);
  writeFileSync(join(SCREENSHOTS_DIR, `${name}.png`), image);
}

/** Whether the page scrolls sideways. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const g = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } };
      innerWidth: number;
    };
    return g.document.documentElement.scrollWidth > g.innerWidth;
  });
}

function failures(): number {
  return ((globalThis as Record<string, unknown>).__browserTestFailures as number) ?? 0;
}

/**
 * One real stack and one browser for a test file: started before its tests, stopped after
 * them. A failed test prints the apps' last log lines and a screenshot of each open page.
 */
export function useWebStack(options: WebStackOptions) {
  const stack = new WebStack(options);
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let failuresBefore = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    await stack.start();
  }, 120_000);

  beforeEach(() => {
    failuresBefore = failures();
  });

  afterEach(async () => {
    if (failures() > failuresBefore) {
      const dir = join(tmpdir(), 'court12368-browser-failures');
      mkdirSync(dir, { recursive: true });
      const shots: string[] = [];
      for (const [c, context] of contexts.entries()) {
        for (const [p, page] of context.pages().entries()) {
          const path = join(dir, `${options.name}-${Date.now()}-${c}-${p}.png`);
          await page
            .screenshot({ path })
            .then(() => shots.push(`${path} (${page.url()})`))
            .catch(() => undefined);
        }
      }
      console.log(
        `[browser] ${expect.getState().currentTestName} failed; screenshots:\n  ${shots.join('\n  ')}\n` +
          `[browser] the apps' last output${stack.allRunning() ? '' : ' (one has exited!)'}:\n${stack.logs()}`,
      );
    }
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    await browser?.close();
    await stack.stop();
  }, 60_000);

  /** A fresh browser context (its own session storage) with one page, at court desktop size. */
  async function newPage(
    viewport: { width: number; height: number } = DESKTOP,
    acceptDownloads = false,
  ): Promise<Page> {
    if (!browser) throw new Error('the browser did not start');
    const context = await browser.newContext({
      baseURL: stack.baseUrl,
      viewport,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads,
    });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    contexts.push(context);
    return context.newPage();
  }

  /** A new page signed in as a demo user through the login page, at the role's home. */
  async function loginAs(
    username: string,
    options: { viewport?: { width: number; height: number }; acceptDownloads?: boolean } = {},
  ): Promise<Page> {
    const page = await newPage(options.viewport, options.acceptDownloads);
    await page.goto('/login');
    await submitLogin(page, username);
    await page.waitForURL((url) => url.pathname !== '/login', { timeout: ACTION_TIMEOUT_MS });
    return page;
  }

  return { stack, newPage, loginAs };
}
