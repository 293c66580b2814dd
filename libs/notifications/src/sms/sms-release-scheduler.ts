import type { DeliveryLogger, NotificationDelivery } from '../notification-delivery';

/**
 * Sends the SMS that fall due later: held ones when the quiet hours end, and retries when a
 * back-off after a refusal for now ends — outside any workflow, so that no notice waits on the
 * provider. ONE timer per process, armed to the earliest `sendAfter` — no polling loop. It is
 * re-armed earlier whenever a message becomes due earlier (the delivery tells it), and at
 * start from the database. Each firing sends what is due, then re-arms to the next waiting
 * message, or at the latest after `maxDelayMs` (a sweep that also finds what other
 * notification processes left waiting, queued messages a crash left behind, and sends
 * interrupted long ago). Several processes may fire for the same message: the send claim lets
 * one of them send it.
 */
export class SmsReleaseScheduler {
  private timer?: NodeJS.Timeout;
  private armedAt = Number.POSITIVE_INFINITY;
  private running = false;
  private again = false;
  private stopped = false;
  private passes = 0;

  constructor(
    private readonly delivery: NotificationDelivery,
    private readonly options: { maxDelayMs?: number; logger?: DeliveryLogger } = {},
  ) {}

  /** At start: send what fell due while no process was up, then arm. */
  start(): Promise<void> {
    this.stopped = false;
    return this.fire();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
  }

  /** Makes sure the timer fires no later than `at`. */
  arm(at: Date): void {
    if (this.stopped) return;
    const maxDelay = this.options.maxDelayMs ?? 10 * 60_000;
    const target = Math.min(at.getTime(), Date.now() + maxDelay);
    if (target >= this.armedAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.armedAt = target;
    this.timer = setTimeout(() => void this.fire(), Math.max(0, target - Date.now()));
    this.timer.unref();
  }

  /** When the timer will fire next (epoch ms), for tests and health. */
  nextFireAt(): number | null {
    return Number.isFinite(this.armedAt) ? this.armedAt : null;
  }

  /** How many release passes ran (tests check there is no busy loop). */
  passCount(): number {
    return this.passes;
  }

  private async fire(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      this.passes += 1;
      for (const id of await this.delivery.dueForRelease()) {
        try {
          await this.delivery.dispatch(id);
        } catch (error) {
          this.options.logger?.warn(`release of SMS ${id} failed: ${(error as Error).message}`);
        }
      }
      const next = await this.delivery.nextDueAt();
      // Never sooner than a second after a pass: a message that could not go (another
      // process holds its claim, the database failed) must not turn the timer into a loop.
      const soonest = Date.now() + 1_000;
      this.arm(
        new Date(
          Math.max(soonest, next?.getTime() ?? Date.now() + (this.options.maxDelayMs ?? 600_000)),
        ),
      );
    } catch (error) {
      this.options.logger?.warn(`SMS release pass failed: ${(error as Error).message}`);
      this.arm(new Date(Date.now() + 5_000));
    } finally {
      this.running = false;
    }
    if (this.again) {
      this.again = false;
      await this.fire();
    }
  }
}
