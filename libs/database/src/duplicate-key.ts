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

/**
 * The documents an unordered `insertMany` did insert before it threw on duplicates (Mongoose's
 * `insertedDocs`); none when the error does not say, so that nothing is counted twice.
 */
export function insertedBeforeDuplicate<T>(error: unknown): T[] {
  const inserted = (error as { insertedDocs?: unknown } | null)?.insertedDocs;
  return Array.isArray(inserted) ? (inserted as T[]) : [];
}
