import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESTART_POLICY, RestartHistory, RestartPolicy } from './restart-policy';
import { ChildSpec, Supervisor } from './supervisor';

/** Fast enough for a unit test: 20 ms, 40 ms, 80 ms …; a crash loop is a 4th restart in 10 s. */
const FAST: RestartPolicy = {
  backoffBaseMs: 20,
  backoffMaxMs: 200,
  maxRestarts: 3,
  crashLoopWindowMs: 10_000,
  readyTimeoutMs: 1_000,
};

/**
 * A tiny child: counts its runs in a file, reports ready over IPC, then behaves as the run's
 * entry in `plan` says (the last entry for every later run): `up` stays up, `die` exits with
 * code 3 after 50 ms, `mute` stays up without reporting ready.
 */
function child(
  name: string,
  plan: Array<'up' | 'die' | 'mute'>,
): ChildSpec & { runs: () => number } {
  const counter = join(mkdtempSync(join(tmpdir(), 'supervisor-spec-')), 'runs');
  const script = `
    process.once('disconnect', () => process.exit(0)); // never outlive the test
    const fs = require('node:fs');
    const file = process.env.COUNTER;
    const run = (fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : 0) + 1;
    fs.writeFileSync(file, String(run));
    const plan = JSON.parse(process.env.PLAN);
    const what = plan[Math.min(run, plan.length) - 1];
    console.log('run ' + run + ': ' + what);
    if (what !== 'mute') process.send({ type: 'ready' });
    if (what === 'die') setTimeout(() => { console.error('last words of run ' + run); process.exit(3); }, 50);
    else setInterval(() => undefined, 1_000);
  `;
  return {
    name,
    command: process.execPath,
    args: ['-e', script],
    env: { ...process.env, COUNTER: counter, PLAN: JSON.stringify(plan) },
    ipc: true,
    stopGraceMs: 2_000,
    runs: () => Number(readFileSync(counter, 'utf8')),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('RestartHistory', () => {
  it('backs off 1 s, 2 s, 4 s … and gives up after 5 restarts within 2 minutes', () => {
    const history = new RestartHistory(RESTART_POLICY);
    const delays = [0, 1, 2, 3, 4].map((i) => history.planRestart(i * 1_000)?.delayMs);
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    expect(history.planRestart(5_000)).toBeNull();
  });

  it('caps the back-off', () => {
    const history = new RestartHistory({ ...RESTART_POLICY, maxRestarts: 10 });
    const delays = Array.from({ length: 7 }, (_, i) => history.planRestart(i)?.delayMs);
    expect(delays.at(-1)).toBe(RESTART_POLICY.backoffMaxMs);
  });

  it('forgets restarts older than the window, starting again from the shortest back-off', () => {
    const history = new RestartHistory(RESTART_POLICY);
    for (let i = 0; i < 5; i++) history.planRestart(i);
    expect(history.planRestart(RESTART_POLICY.crashLoopWindowMs + 10)).toEqual({
      delayMs: 1_000,
      attempt: 1,
    });
  });
});

describe('Supervisor', () => {
  let supervisor: Supervisor;
  let output: string[];

  beforeEach(() => {
    supervisor = new Supervisor(FAST);
    output = [];
    const capture = (...args: unknown[]) => void output.push(args.join(' '));
    jest.spyOn(console, 'log').mockImplementation(capture);
    jest.spyOn(console, 'error').mockImplementation(capture);
  });

  afterEach(async () => {
    await supervisor.stopAll();
    jest.restoreAllMocks();
  });

  it('restarts a process that dies on its own, with the same command, and keeps the others up', async () => {
    const steady = child('steady', ['up']);
    const flaky = child('flaky', ['die', 'up']);
    const steadyStart = supervisor.start(steady);
    const flakyStart = supervisor.start(flaky);
    await Promise.all([steadyStart.ready, flakyStart.ready]);

    await eventually(() => output.some((line) => line.includes('restarted flaky in')));
    expect(flaky.runs()).toBe(2);
    expect(supervisor.pids().flaky).not.toBe(flakyStart.pid);
    expect(isAlive(supervisor.pids().flaky!)).toBe(true);
    expect(supervisor.pids().steady).toBe(steadyStart.pid);
    expect(isAlive(steadyStart.pid)).toBe(true);
    expect(output.join('\n')).toMatch(/flaky exited on its own \(code 3\)/);
    expect(output.join('\n')).toContain('flaky | run 1: die');
    expect(output.join('\n')).toContain('flaky | last words of run 1');
    expect(output.join('\n')).toMatch(/restarting flaky in 0\.0 s \(restart 1;/);
  });

  it('gives up on a crash loop: stops restarting and fails the stack', async () => {
    const looping = child('looping', ['die']);
    await supervisor.start(looping).ready;

    await expect(supervisor.failed).rejects.toThrow(
      'looping is in a crash loop (more than 3 restarts within 10 s)',
    );
    expect(looping.runs()).toBe(1 + FAST.maxRestarts);
    await sleep(FAST.backoffMaxMs);
    expect(looping.runs()).toBe(1 + FAST.maxRestarts);
  });

  it('fails the start when a process dies before it was ever ready', async () => {
    const broken = { ...child('broken', ['up']), args: ['-e', 'process.exit(2)'] };
    const { ready } = supervisor.start(broken);

    await expect(ready).rejects.toThrow('broken exited on its own (code 2) while starting');
    await expect(supervisor.failed).rejects.toThrow('while starting');
  });

  it('kills a restarted process that does not become ready in time, and starts it again', async () => {
    const stuck = child('stuck', ['die', 'mute', 'up']);
    await supervisor.start(stuck).ready;

    await eventually(() => output.some((line) => line.includes('restarted stuck in')));
    expect(stuck.runs()).toBe(3);
    expect(output.join('\n')).toContain('stuck was restarted but is not ready after 1.0 s');
  });

  it('waits for the readiness check again after a restart', async () => {
    let checks = 0;
    const checked = {
      ...child('checked', ['die', 'up']),
      readiness: async () => {
        checks++;
      },
    };
    await supervisor.start(checked).ready;
    await eventually(() => output.some((line) => line.includes('restarted checked in')));
    expect(checks).toBe(2);
  });

  it('stops everything newest first, and cancels a pending restart', async () => {
    supervisor = new Supervisor({ ...FAST, backoffBaseMs: 60_000, backoffMaxMs: 60_000 });
    const first = child('first', ['up']);
    const second = child('second', ['up']);
    const dying = child('dying', ['die']);
    for (const spec of [first, second, dying]) await supervisor.start(spec).ready;
    await eventually(() => output.some((line) => line.includes('restarting dying in 60.0 s')));

    const started = Date.now();
    await supervisor.stopAll();
    expect(Date.now() - started).toBeLessThan(3_000);
    const stopped = output.filter((line) => line.includes('stopped ')).join('\n');
    expect(stopped.indexOf('stopped second')).toBeLessThan(stopped.indexOf('stopped first'));
    expect(stopped).not.toContain('stopped dying');
    expect(Object.values(supervisor.pids()).some(isAlive)).toBe(false);
    expect(dying.runs()).toBe(1);
  });
});
