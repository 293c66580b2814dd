/** MongoDB's error code for a unique-index violation. */
export const DUPLICATE_KEY = 11000;

/**
 * Whether a write failed only because a unique key was taken: a retried activity or a
 * concurrent claim, not a real error. A bulk write counts when every one of its errors is one.
 */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: number; writeErrors?: { code?: number }[] } | null;
  if (Array.isArray(e?.writeErrors) && e.writeErrors.length > 0) {
    return e.writeErrors.every((w) => w.code === DUPLICATE_KEY);
  }
  return e?.code === DUPLICATE_KEY;
}
