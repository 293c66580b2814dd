import type { TemporalSettings } from '@court/config';
import { withWorkerTracing } from '@court/telemetry';
import {
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { temporalConnectionOptions } from './connection-options';
import { payloadDataConverter } from './data-converter';
import { installTemporalRuntime, type TemporalRuntimeOptions } from './temporal-runtime';

/**
 * How long a stopping worker lets in-flight activities finish before cancelling them: longer
 * than one SMS provider call (Alibaba Cloud's read timeout is 10 s, its connect timeout 5 s)
 * and a database write, so that SIGTERM does not cut an activity off between a side effect
 * and its record. A supervisor must wait longer than this before SIGKILL.
 */
export const WORKER_SHUTDOWN_GRACE = '40s';

export type HostedWorkerOptions = Omit<WorkerOptions, 'connection' | 'namespace' | 'dataConverter'>;

/**
 * Runs one Temporal worker inside a Nest application, as a provider whose lifecycle hooks
 * create it on module init, run it on bootstrap, and shut it down once on destroy, awaiting
 * the run so that in-flight activities finish before the process exits. The worker gets the
 * service's namespace and payload codec. A worker that fails for good takes the process down
 * (exit code 1, after Nest has closed the app) for its supervisor to restart, rather than
 * leaving a service that answers /health but runs nothing.
 */
export class WorkerHost
  implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  private readonly logger: Logger;
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;
  private stopping = false;
  private failed = false;

  constructor(
    private readonly name: string,
    private readonly temporal: TemporalSettings,
    private readonly options: () => Promise<HostedWorkerOptions>,
    private readonly runtime: TemporalRuntimeOptions = {},
  ) {
    this.logger = new Logger(`WorkerHost:${name}`);
  }

  async onModuleInit(): Promise<void> {
    installTemporalRuntime(this.name, this.runtime);
    this.connection = await NativeConnection.connect(temporalConnectionOptions(this.temporal));
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.temporal.namespace,
      dataConverter: payloadDataConverter(this.temporal.payloadKeys),
      shutdownGraceTime: WORKER_SHUTDOWN_GRACE,
      ...withWorkerTracing(await this.options()),
    });
  }

  onApplicationBootstrap(): void {
    const worker = this.worker;
    if (!worker) throw new Error(`worker ${this.name} was not created`);
    this.running = worker.run().catch((error: unknown) => this.fail(error));
    this.logger.log(`worker ${this.name} polling task queue "${worker.options.taskQueue}"`);
  }

  isRunning(): boolean {
    return this.worker?.getState() === 'RUNNING';
  }

  async onModuleDestroy(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }

  onApplicationShutdown(signal?: string): void {
    // Nest, once closed, sends itself the signal again to die of it; a failed worker wants the
    // process to end with exit code 1 instead.
    if (this.failed && signal) process.once(signal, () => process.exit(1));
  }

  private fail(error: unknown): void {
    if (this.stopping) {
      this.logger.error({ msg: `worker ${this.name} failed while stopping`, err: error });
      return;
    }
    this.failed = true;
    process.exitCode = 1;
    // The error object itself, so that the log shows its stack and cause chain.
    this.logger.error({
      msg: `worker ${this.name} stopped for good; closing the service to exit with code 1`,
      err: error,
    });
    // The shutdown hooks Nest installs (enableShutdownHooks) close the app as on SIGTERM.
    process.emit('SIGTERM', 'SIGTERM');
  }
}
