/**
 * The SMS this process stored and should send now, sent in the background a few at a time,
 * so that storing a notice never waits on the provider. Losing the queue (a crash) loses
 * nothing: the messages are stored `queued`, and the release timer's sweep finds them.
 */
export class SmsSendQueue {
  private readonly waiting = new Set<string>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly send: (id: string) => Promise<unknown>,
    private readonly concurrency: number,
    private readonly onError: (id: string, error: unknown) => void,
  ) {}

  add(id: string): void {
    this.waiting.add(id);
    this.pump();
  }

  /** Resolves once nothing is waiting or being sent (tests, shutdown). */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.size > 0) {
      const id = this.waiting.values().next().value as string;
      this.waiting.delete(id);
      this.running += 1;
      void this.send(id)
        .catch((error: unknown) => this.onError(id, error))
        .finally(() => {
          this.running -= 1;
          this.pump();
          if (this.running === 0 && this.waiting.size === 0) {
            for (const resolve of this.idleWaiters.splice(0)) resolve();
          }
        });
    }
  }
}
