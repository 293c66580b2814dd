import { condition } from '@temporalio/workflow';

/**
 * Waits until `stop()` or the time `at()` gives, re-arming its timer whenever `epoch()` moves
 * (a deadline changed) — the updatable timer of Temporal's samples, over a condition. True
 * when stopped, false when the time came. `at()` null: no deadline, waits for `stop()` alone.
 */
export async function waitUntil(
  at: () => number | null,
  stop: () => boolean,
  epoch: () => number,
  summary: string,
): Promise<boolean> {
  for (;;) {
    if (stop()) return true;
    const due = at();
    if (due === null) {
      await condition(stop);
      return true;
    }
    const remaining = due - Date.now();
    if (remaining <= 0) return false;
    const armedAt = epoch();
    await condition(() => stop() || epoch() !== armedAt, remaining, { summary });
  }
}
