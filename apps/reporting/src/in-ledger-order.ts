import type { LedgerDoc } from '@court/reporting';
import { compareKeys, type LedgerKey } from '@court/reporting';
import { keyOfDoc } from './ledger-export-order';

export interface InLedgerOrderSources {
  /** The keys of the tickets to export, in ledger order, a few at a time (the read model). */
  keys: AsyncIterable<readonly LedgerKey[]>;
  /** The documents matching the export's filter, in any order (the database's scan). */
  scan: AsyncIterable<readonly LedgerDoc[]>;
  /** These documents, read by `_id`, those that no longer match left out. */
  byIds: (ids: string[]) => Promise<LedgerDoc[]>;
  /** How many documents that came before their turn may wait (bounded memory). */
  maxWaiting: number;
}

/**
 * The scanned documents put in the order of the keys, a batch of keys at a time. A ledger is
 * stored much as it is received, so few documents wait for their turn; when `maxWaiting` of
 * them do, the ones due are read by `_id` instead (and dropped when the scan brings them later).
 * A key the scan never brings is a ticket that no longer matches (or is gone): left out; a
 * scanned document without a key (its facts not stored yet) is left out too, as from the
 * ledger's pages.
 */
export async function* inLedgerOrder(sources: InLedgerOrderSources): AsyncGenerator<LedgerDoc[]> {
  const scan = sources.scan[Symbol.asyncIterator]();
  const waiting = new Map<string, LedgerDoc>();
  let scanned = false;
  /** The last key handed out (or read by `_id`): documents up to it are past their turn. */
  let passed: LedgerKey | null = null;

  async function scanMore(): Promise<void> {
    const next = await scan.next();
    if (next.done) {
      scanned = true;
      return;
    }
    for (const doc of next.value) {
      if (passed && compareKeys(keyOfDoc(doc), passed) <= 0) continue;
      waiting.set(doc._id, doc);
    }
  }

  let prunedThisBatch = false;
  /** Whether more may wait, once those past their turn (without a key) are let go. */
  function roomToWait(): boolean {
    if (waiting.size < sources.maxWaiting) return true;
    // Once per batch of keys: past that, the ones due are read by `_id` (no scan per key).
    if (prunedThisBatch) return false;
    prunedThisBatch = true;
    for (const [id, doc] of waiting) {
      if (passed && compareKeys(keyOfDoc(doc), passed) <= 0) waiting.delete(id);
    }
    return waiting.size < sources.maxWaiting;
  }

  try {
    for await (const keys of sources.keys) {
      prunedThisBatch = false;
      const out: (LedgerDoc | string)[] = [];
      for (const key of keys) {
        let doc = waiting.get(key.id);
        while (!doc && !scanned && roomToWait()) {
          await scanMore();
          doc = waiting.get(key.id);
        }
        passed = key;
        if (doc) {
          waiting.delete(key.id);
          out.push(doc);
        } else if (!scanned) {
          out.push(key.id); // too many waiting: read by `_id` below
        }
      }
      const late = out.filter((entry): entry is string => typeof entry === 'string');
      const read = new Map(
        (late.length > 0 ? await sources.byIds(late) : []).map((doc) => [doc._id, doc]),
      );
      yield out.flatMap((entry) => {
        if (typeof entry !== 'string') return [entry];
        const doc = read.get(entry);
        return doc ? [doc] : [];
      });
    }
  } finally {
    await scan.return?.();
  }
}
