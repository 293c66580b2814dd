import { Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';

/**
 * Runs one Temporal worker inside a Nest application, as a provider whose lifecycle hooks
 * create it on module init, run it on bootstrap, and shut it down once on destroy, awaiting
 * the run so that in-flight activities finish before the process exits.
 */
export class WorkerHost implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger: Logger;
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly name: string,
    private readonly address: string,
    private readonly options: () => Promise<Omit<WorkerOptions, 'connection'>>,
  ) {
    this.logger = new Logger(`WorkerHost:${name}`);
  }

  async onModuleInit(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.address });
    this.worker = await Worker.create({ connection: this.connection, ...(await this.options()) });
  }

  onApplicationBootstrap(): void {
    const worker = this.worker;
    if (!worker) throw new Error(`worker ${this.name} was not created`);
    this.running = worker.run().catch((error: unknown) => {
      this.logger.error(`worker ${this.name} stopped with an error`, error as Error);
      process.exitCode = 1;
      throw error;
    });
    this.logger.log(`worker ${this.name} polling task queue "${worker.options.taskQueue}"`);
  }

  isRunning(): boolean {
    return this.worker?.getState() === 'RUNNING';
  }

  async onModuleDestroy(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
