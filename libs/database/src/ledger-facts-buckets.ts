import { factsRev } from './ledger-facts-codec';

/*
 * The layout of the facts' buckets (ledger-facts-store.ts): their documents, ids and lines,
 * and how the facts of one ticket found in several buckets are chosen.
 */

export interface FactsBucketDoc {
  _id: string;
  tickets: Record<string, string>;
}

/**
 * A bucket of the list: `v` counts its writer's writes to it (the readers' cache key), `at` is
 * when the latest began (its writer's sign of life). Buckets of the layout before writers
 * (`<day>#<n>`, one writing process) have a `v` only.
 */
export interface FactsBucketEntry {
  _id: string;
  v?: number;
  at?: Date;
}

/** A bucket's tickets and their encoded facts. */
export type Bucket = [id: string, facts: string][];

/** Tickets per bucket, by their number: a write rewrites at most this many facts on FerretDB. */
export const BUCKET_TICKETS = 128;

/** `<Shanghai day of receipt>#<n>`, n from the ticket id's trailing number (its daily sequence). */
export function slotOf(day: string, ticketId: string): string {
  const number = /(\d+)$/.exec(ticketId)?.[1];
  return `${day}#${number ? Math.floor(Number(number) / BUCKET_TICKETS) : 0}`;
}

/** `<slot>@<writer>`; a bucket of the layout before writers is `<slot>` alone (writer null). */
export function parseBucket(id: string): { day: string; slot: string; writer: string | null } {
  const at = id.indexOf('@');
  const slot = at < 0 ? id : id.slice(0, at);
  return { day: slot.slice(0, slot.indexOf('#')), slot, writer: at < 0 ? null : id.slice(at + 1) };
}

/** Each ticket's facts of the highest revision among these buckets (missing ones skipped). */
export function newestOf(buckets: readonly (Bucket | null)[]): Bucket {
  const newest = new Map<string, { rev: number; facts: string }>();
  for (const bucket of buckets) {
    for (const [id, facts] of bucket ?? []) {
      const rev = factsRev(facts);
      const seen = newest.get(id);
      // Equal revisions come from one state of the ledger document and so hold equal facts;
      // should they differ after all, comparing the strings makes every reader pick the same.
      if (!seen || rev > seen.rev || (rev === seen.rev && facts > seen.facts)) {
        newest.set(id, { rev, facts });
      }
    }
  }
  return [...newest].map(([id, { facts }]) => [id, facts]);
}

/** A cached bucket's line: `<id> <facts>`. */
export function splitLine(line: string): [string, string] {
  const space = line.indexOf(' ');
  return [line.slice(0, space), line.slice(space + 1)];
}
