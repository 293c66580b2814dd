// Proves the time-skipping test environment (test/support/time-skipping.ts) really skips
// time: workflows that wait days of workflow time finish in moments of real time.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createTimeSkippingEnv } from '../support/time-skipping';
import type { sleepy, waitForWake } from './fixtures/sleepy.workflow';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const WALL_CLOCK_LIMIT_MS = 30_000;
const taskQueue = `time-skipping-${randomUUID()}`;

let env: TestWorkflowEnvironment;
let worker: Worker;
let workerRun: Promise<void>;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: path.join(__dirname, 'fixtures', 'sleepy.workflow.ts'),
  });
  workerRun = worker.run();
});

afterAll(async () => {
  if (worker) {
    worker.shutdown();
    await workerRun;
  }
  await env?.teardown();
});

/** Runs `body`, failing if it takes `WALL_CLOCK_LIMIT_MS` of real time or more. */
async function withinWallClockLimit<T>(body: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await body();
  expect(Date.now() - started).toBeLessThan(WALL_CLOCK_LIMIT_MS);
  return result;
}

const workflowId = (name: string): string => `${name}-${randomUUID()}`;

test('the environment is a time-skipping one', () => {
  expect(env.supportsTimeSkipping).toBe(true);
});

test('a 3-day sleep completes in seconds of real time', async () => {
  const span = await withinWallClockLimit(() =>
    env.client.workflow.execute<typeof sleepy>('sleepy', {
      taskQueue,
      workflowId: workflowId('sleepy'),
      args: ['3 days'],
    }),
  );
  expect(span.endedAt - span.startedAt).toBeGreaterThanOrEqual(3 * DAY);
});

test('condition(fn, "3 days") times out after 3 days of workflow time without the signal', async () => {
  const outcome = await withinWallClockLimit(() =>
    env.client.workflow.execute<typeof waitForWake>('waitForWake', {
      taskQueue,
      workflowId: workflowId('wait-timeout'),
      args: ['3 days'],
    }),
  );
  expect(outcome.woken).toBe(false);
  expect(outcome.endedAt - outcome.startedAt).toBeGreaterThanOrEqual(3 * DAY);
});

test('condition(fn, "3 days") is met by a signal that arrives 1 hour in', async () => {
  const outcome = await withinWallClockLimit(async () => {
    const handle = await env.client.workflow.start<typeof waitForWake>('waitForWake', {
      taskQueue,
      workflowId: workflowId('wait-signal'),
      args: ['3 days'],
    });
    await env.sleep('1 hour');
    await handle.signal('wake');
    return handle.result();
  });
  expect(outcome.woken).toBe(true);
  expect(outcome.endedAt - outcome.startedAt).toBeGreaterThanOrEqual(HOUR);
  expect(outcome.endedAt - outcome.startedAt).toBeLessThan(3 * DAY);
});
