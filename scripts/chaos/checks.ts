import type { Connection } from 'mongoose';
import type { CallOutcome } from './burst';

/** Waits until `check` answers true, up to `timeoutMs`; false if it never did. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function healthy(urls: string[]): Promise<boolean> {
  const answers = await Promise.all(
    urls.map((url) =>
      fetch(url, { signal: AbortSignal.timeout(2_000) })
        .then((r) => r.status === 200)
        .catch(() => false),
    ),
  );
  return answers.every(Boolean);
}

export interface Verdict {
  accepted: number;
  refused503: number;
  noAnswer: number;
  otherStatuses: number[];
  /** Accepted tickets not dispatched in time. */
  notDispatched: string[];
  /** Tickets whose dispatch notices are not exactly one per recipient. */
  wrongNotices: string[];
  /** Callers with more than one ticket. */
  duplicated: string[];
}

/** The tickets of the burst on the ledger and their dispatch notices in the inbox. */
export async function judge(
  db: Connection,
  outcomes: CallOutcome[],
  recipients: string[],
  timeoutMs: number,
): Promise<Verdict> {
  const statuses = outcomes.flatMap((o) => o.statuses);
  const accepted = outcomes.filter((o) => o.ticketId).map((o) => o.ticketId!);
  const tickets = db.collection('tickets');
  const inbox = db.collection('notifications');

  const pending = new Set(accepted);
  await waitFor(async () => {
    const docs = await tickets.find({ _id: { $in: [...pending] as never[] } }).toArray();
    for (const doc of docs) if (doc.status !== 'open') pending.delete(String(doc._id));
    return pending.size === 0;
  }, timeoutMs);

  const noticesOf = async () => {
    const docs = await inbox.find({ ticketId: { $in: accepted }, kind: 'dispatch' }).toArray();
    const count = new Map<string, number>();
    for (const d of docs) {
      const key = `${d.ticketId} ${d.recipientId}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
    return count;
  };
  const expected = accepted.flatMap((id) => recipients.map((r) => `${id} ${r}`));
  await waitFor(async () => {
    const count = await noticesOf();
    return expected.every((key) => count.has(key));
  }, timeoutMs);
  const count = await noticesOf();
  const wrongNotices = accepted.filter((id) =>
    recipients.some((r) => count.get(`${id} ${r}`) !== 1),
  );

  const phones = outcomes.filter((o) => o.ticketId).map((o) => o.phone);
  const stored = await tickets
    .find({ 'caller.phone': { $in: phones } }, { projection: { 'caller.phone': 1 } })
    .toArray();
  const perPhone = new Map<string, number>();
  for (const doc of stored) {
    const phone = String(doc.caller?.phone);
    perPhone.set(phone, (perPhone.get(phone) ?? 0) + 1);
  }
  const duplicated = phones.filter((phone) => perPhone.get(phone) !== 1);
  return {
    accepted: accepted.length,
    refused503: statuses.filter((s) => s === 503).length,
    noAnswer: statuses.filter((s) => s === 0).length,
    otherStatuses: statuses.filter((s) => ![0, 201, 503].includes(s)),
    notDispatched: [...pending],
    wrongNotices,
    duplicated,
  };
}

/**
 * Calls sent once and refused with 503 must have left nothing on the ledger (after the
 * reconciler's window); those that got no answer may exist, but only as a started ticket.
 */
export async function leftBehind(db: Connection, outcomes: CallOutcome[]): Promise<string[]> {
  const tickets = db.collection('tickets');
  const problems: string[] = [];
  for (const o of outcomes.filter((x) => !x.retried && !x.ticketId)) {
    const docs = await tickets.find({ 'caller.phone': o.phone }).toArray();
    const refused = o.statuses.includes(503);
    if (refused && docs.length > 0) problems.push(`${o.phone}: refused 503 but stored`);
    if (!refused && docs.some((d) => d.status === 'open')) {
      problems.push(`${o.phone}: no answer, stored but never started`);
    }
  }
  return problems;
}
