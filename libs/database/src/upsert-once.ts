import { isDuplicateKey } from './duplicate-key';

/** Two concurrent upserts of a new `_id` can both insert: the loser's retry updates. */
export async function upsertOnce(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await write();
  }
}
