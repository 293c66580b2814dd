import { Client, Connection, WorkflowHandle } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import mongoose from 'mongoose';
import { type PayloadKey, parsePayloadKeySettings } from '../../libs/config/src/service-config';
import { payloadDataConverter } from '../../libs/temporal/src/data-converter';
import { TASK_QUEUES } from '../../libs/temporal/src/task-queues';
import { testEnv, uniqueId } from './test-env';
import { TEST_PAYLOAD_KEY_BYTES, TEST_PAYLOAD_KEY_ID } from './test-payload-key';
import { allActivities, seedDirectoryPeople } from './ticket-harness';

export { TEST_PAYLOAD_KEYS } from './test-payload-key';

export const TEST_PAYLOAD_KEY: PayloadKey = {
  id: TEST_PAYLOAD_KEY_ID,
  key: TEST_PAYLOAD_KEY_BYTES,
};

/** The data converter of the tests' workers and clients: the services' codec, the test key. */
export function testDataConverter(): DataConverter {
  return payloadDataConverter([TEST_PAYLOAD_KEY]);
}

/**
 * The codec of this test file's environment, `PAYLOAD_KEYS` / `PAYLOAD_KEY_FILE`, which the
 * apps a test starts in-process (IntakeTestApp's intake, the reporting app) read too; none
 * set: plain payloads. Every process of a run shares the namespace and the `notifications`
 * queue: the global set-up sets `PAYLOAD_KEYS = TEST_PAYLOAD_KEYS` for the whole run (the
 * workers and clients a test builds itself take `testDataConverter()`: a worker without the
 * codec could not read what an encrypting client sent).
 */
function environmentDataConverter(env: NodeJS.ProcessEnv = process.env): DataConverter {
  const problems: string[] = [];
  const keys = parsePayloadKeySettings(env, problems);
  if (problems.length > 0) throw new Error(`test payload keys: ${problems.join('; ')}`);
  return payloadDataConverter(keys);
}

/**
 * Real workers on the real dev server, with the real activities on the real database: one
 * tickets worker on a task queue of this file's own, and a notifications worker. Workers and
 * client encrypt payloads as the file's apps do.
 */
export class TemporalHarness {
  readonly env = testEnv();
  readonly taskQueue = uniqueId('tickets');
  database!: mongoose.Connection;
  client!: Client;
  dataConverter!: DataConverter;
  private connection!: Connection;
  private nativeConnection!: NativeConnection;
  private workers: { worker: Worker; running: Promise<void> }[] = [];

  async start(): Promise<this> {
    this.dataConverter = environmentDataConverter();
    this.database = await mongoose.createConnection(this.env.mongodbUri).asPromise();
    await seedDirectoryPeople(this.database);
    this.nativeConnection = await NativeConnection.connect({ address: this.env.temporalAddress });
    this.connection = await Connection.connect({ address: this.env.temporalAddress });
    this.client = new Client({
      connection: this.connection,
      namespace: this.env.namespace,
      dataConverter: this.dataConverter,
    });
    await this.startTicketWorker();
    const { notifications } = allActivities(this.database);
    await this.run(
      await Worker.create({
        connection: this.nativeConnection,
        namespace: this.env.namespace,
        taskQueue: TASK_QUEUES.notifications,
        dataConverter: this.dataConverter,
        activities: notifications,
      }),
    );
    return this;
  }

  async startTicketWorker(): Promise<Worker> {
    const { tickets } = allActivities(this.database);
    const worker = await Worker.create({
      connection: this.nativeConnection,
      namespace: this.env.namespace,
      taskQueue: this.taskQueue,
      dataConverter: this.dataConverter,
      workflowsPath: require.resolve('../../workflows'),
      activities: tickets,
    });
    await this.run(worker);
    return worker;
  }

  private async run(worker: Worker): Promise<void> {
    this.workers.push({ worker, running: worker.run() });
  }

  async stopWorker(worker: Worker): Promise<void> {
    const entry = this.workers.find((w) => w.worker === worker);
    if (!entry) return;
    worker.shutdown();
    await entry.running;
    this.workers = this.workers.filter((w) => w !== entry);
  }

  async stop(): Promise<void> {
    for (const { worker } of [...this.workers]) await this.stopWorker(worker);
    await this.nativeConnection?.close();
    await this.connection?.close();
    await this.database?.close();
  }

  async historyLength(handle: WorkflowHandle): Promise<number> {
    return (await handle.fetchHistory()).events?.length ?? 0;
  }

  /** Event counts by type, to see where a history's length goes. */
  async historyBreakdown(handle: WorkflowHandle): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const event of (await handle.fetchHistory()).events ?? []) {
      const type = String(event.eventType ?? 'unknown');
      counts[type] = (counts[type] ?? 0) + 1;
    }
    return counts;
  }
}

/** Polls until `check` passes (deadlines here are a few seconds of real time). */
export async function eventually<T>(
  check: () => Promise<T>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms: ${lastError}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
