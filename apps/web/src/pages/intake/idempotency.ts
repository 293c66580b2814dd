/**
 * One `Idempotency-Key` per form fill: a double click, a retry after a lost answer or a
 * resubmission after fixing a 400 all name the same call, so the API makes one ticket. Only
 * logging the next call takes a new key.
 */

type RandomFill = (bytes: Uint8Array) => Uint8Array;

const cryptoFill: RandomFill = (bytes) => globalThis.crypto.getRandomValues(bytes);

/**
 * A random (version 4) UUID. Built from getRandomValues rather than randomUUID, which browsers
 * offer only on https or localhost, while court desktops may reach the server by plain http.
 */
export function newIdempotencyKey(fill: RandomFill = cryptoFill): string {
  const bytes = fill(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The API says the key was used for another body: an earlier attempt may already be a ticket. */
export const KEY_REUSED_STATUS = 422;

export const KEY_REUSED_ADVICE =
  '此前的一次提交可能已生成工单，但内容与本次不同。请先在“工单查询”中按来电号码核对；确认没有登记后，再点“作为新提交重试”。';
