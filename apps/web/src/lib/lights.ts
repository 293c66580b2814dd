/**
 * The lights of UI.md: 红灯 from overdue until feedback (the API's `redLight`); 黄灯 once a
 * ticket awaiting feedback is past the warning share of its window, or the workflow has sent
 * the yellow warning.
 */

/** POLICY_WARN_AT's default; a ticket's own warning event wins where the timeline is known. */
export const WARN_SHARE = 0.67;

const AWAITING_FEEDBACK = new Set(['dispatched', 'overdue', 'reminded', 'bulletined', 'escalated']);

export type Light = 'red' | 'yellow' | null;

export interface LightInput {
  status: string;
  redLight: boolean;
  deadlines?: { feedbackBy?: string | null } | null;
  /** When the feedback window opened: the dispatch, else the receipt. */
  windowStart?: string | null;
  timeline?: readonly { kind: string }[] | null;
}

export function lightOf(ticket: LightInput, now: number): Light {
  if (ticket.redLight) return 'red';
  if (!AWAITING_FEEDBACK.has(ticket.status)) return null;
  if (ticket.timeline?.some((event) => event.kind === 'warning')) return 'yellow';
  const due = Date.parse(ticket.deadlines?.feedbackBy ?? '');
  const start = Date.parse(ticket.windowStart ?? '');
  if (Number.isNaN(due) || Number.isNaN(start) || due <= start) return null;
  return now >= start + WARN_SHARE * (due - start) ? 'yellow' : null;
}

export const LIGHT_TEXT: Record<Exclude<Light, null>, string> = { red: '红灯', yellow: '黄灯' };

/** Most urgent first: red, then yellow, then the nearest feedback deadline; none last. */
export function byUrgency<T extends LightInput>(now: number) {
  const rank = (t: T) => ({ red: 0, yellow: 1, none: 2 })[lightOf(t, now) ?? 'none'];
  const due = (t: T) => Date.parse(t.deadlines?.feedbackBy ?? '') || Number.POSITIVE_INFINITY;
  return (a: T, b: T) => rank(a) - rank(b) || due(a) - due(b);
}
