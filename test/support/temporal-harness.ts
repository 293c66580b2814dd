import { Client, Connection, WorkflowHandle } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import mongoose from 'mongoose';
import { TASK_QUEUES } from '../../libs/temporal/src/task-queues';
import { testEnv, uniqueId } from './test-env';
import { allActivities, seedDirectoryPeople } from './ticket-harness';

/**
 * Real workers on the real dev server, with the real activities on the real database: one
 * tickets worker on a task queue of this file's own, and a notifications worker.
 */
export class TemporalHarness {
  readonly env = testEnv();
  readonly taskQueue = uniqueId('tickets');
  database!: mongoose.Connection;
  client!: Client;
  private connection!: Connection;
  private nativeConnection!: NativeConnection;
  private workers: { worker: Worker; running: Promise<void> }[] = [];

  async start(): Promise<this> {
    this.database = await mongoose.createConnection(this.env.mongodbUri).asPromise();
    await seedDirectoryPeople(this.database);
    this.nativeConnection = await NativeConnection.connect({ address: this.env.temporalAddress });
    this.connection = await Connection.connect({ address: this.env.temporalAddress });
    this.client = new Client({ connection: this.connection, namespace: this.env.namespace });
    await this.startTicketWorker();
    const { notifications } = allActivities(this.database);
    await this.run(
      await Worker.create({
        connection: this.nativeConnection,
        namespace: this.env.namespace,
        taskQueue: TASK_QUEUES.notifications,
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
