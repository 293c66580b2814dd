import type { SmsOutboxRepository } from '@court/database';

/**
 * The SMS due for the release timer: queued or held past their time, and sends interrupted
 * long ago (a claim never finished, older than `staleClaimMs`).
 */
export function smsDueForRelease(
  outbox: SmsOutboxRepository,
  now: Date,
  staleClaimMs: number,
  limit = 500,
): Promise<string[]> {
  return outbox.dueIds(now, new Date(now.getTime() - staleClaimMs), limit);
}

/** When the next waiting SMS falls due (null: none waits; `now()` when one waits undated). */
export async function nextSmsDueAt(
  outbox: SmsOutboxRepository,
  now: () => Date,
): Promise<Date | null> {
  const next = await outbox.nextWaiting();
  if (!next) return null;
  return next.sendAfter ?? now();
}
