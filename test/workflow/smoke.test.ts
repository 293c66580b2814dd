import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import mongoose from 'mongoose';
import { testDataConverter } from '../support/temporal-harness';
import { testEnv, uniqueId } from '../support/test-env';
import { createSmokeActivities } from './fixtures/smoke.activities';
import { finishUpdate, smokeWorkflow, stateQuery } from './fixtures/smoke.workflow';

describe('a real workflow on the Temporal dev server', () => {
  const env = testEnv();
  const taskQueue = uniqueId('smoke');
  let database: mongoose.Connection;
  let nativeConnection: NativeConnection;
  let connection: Connection;
  let client: Client;
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    database = await mongoose.createConnection(env.mongodbUri).asPromise();
    nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
    worker = await Worker.create({
      connection: nativeConnection,
      namespace: env.namespace,
      dataConverter: testDataConverter(),
      taskQueue,
      workflowsPath: require.resolve('./fixtures/smoke.workflow'),
      activities: createSmokeActivities(database),
    });
    running = worker.run();
    connection = await Connection.connect({ address: env.temporalAddress });
    client = new Client({
      connection,
      namespace: env.namespace,
      dataConverter: testDataConverter(),
    });
  });

  afterAll(async () => {
    worker.shutdown();
    await running;
    await nativeConnection.close();
    await connection.close();
    await database.close();
  });

  it('runs an activity, answers a query, accepts an update and completes', async () => {
    const key = uniqueId('smoke');
    const handle = await client.workflow.start(smokeWorkflow, {
      taskQueue,
      workflowId: key,
      args: [key],
    });
    await waitFor(async () => (await handle.query(stateQuery)) === 'waiting');
    expect(await handle.executeUpdate(finishUpdate, { args: ['done'] })).toBe('ok:done');
    expect(await handle.result()).toBe('finished:done');

    const steps = await database
      .collection('smoke_steps')
      .find({ key }, { projection: { _id: 0, step: 1 } })
      .toArray();
    expect(steps.map((s) => s.step)).toEqual(['started', 'finished']);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
