import { lightOf } from '../../lib/lights';

export interface OpenTransfer {
  status: string;
  redLight: boolean;
  deadlines: { feedbackBy: string | null };
  receivedAt: string | null;
}

/**
 * How many of these transfers show 黄灯 now. The list items carry no dispatch time, so the
 * window is taken from the receipt (a transfer is dispatched within minutes of it).
 */
export function yellowCount(items: readonly OpenTransfer[], now: number): number {
  return items.filter((t) => lightOf({ ...t, windowStart: t.receivedAt }, now) === 'yellow').length;
}
