import type { SmsMessageDoc } from '@court/database';
import type { Model } from 'mongoose';

/**
 * The SMS due for the release timer: queued or held past their time, and sends interrupted
 * long ago (a claim never finished, older than `staleClaimMs`).
 */
export async function smsDueForRelease(
  sms: Model<SmsMessageDoc>,
  now: Date,
  staleClaimMs: number,
  limit = 500,
): Promise<string[]> {
  const stale = new Date(now.getTime() - staleClaimMs);
  const due = await sms
    .find(
      {
        $or: [
          { status: 'queued', sendAfter: null },
          { status: { $in: ['queued', 'held'] }, sendAfter: { $lte: now } },
          { status: 'sending', claimedAt: { $lte: stale } },
          { status: 'sending', claimedAt: null, createdAt: { $lte: stale } },
        ],
      },
      { _id: 1 },
    )
    .sort({ sendAfter: 1 })
    .limit(limit)
    .lean();
  return due.map((m) => m._id);
}

/** When the next waiting SMS falls due (null: none waits; `now()` when one waits undated). */
export async function nextSmsDueAt(
  sms: Model<SmsMessageDoc>,
  now: () => Date,
): Promise<Date | null> {
  const next = await sms
    .findOne({ status: { $in: ['queued', 'held'] } }, { sendAfter: 1 })
    .sort({ sendAfter: 1 })
    .lean();
  if (!next) return null;
  return next.sendAfter ?? now();
}
