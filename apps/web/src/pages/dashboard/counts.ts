/**
 * The dashboard's six counts (UI.md) and the ticket list each one opens. Each count is the
 * `total` of the same search the list runs, so the number and the list always agree.
 */

export type CountKey = 'red' | 'yellow' | 'overdue' | 'reminded' | 'bulletined' | 'callback';

export interface CountDefinition {
  key: CountKey;
  /** The visible word; the link's accessible name starts with it. */
  label: string;
  /** What the count means, for the link's description. */
  hint: string;
  /** The query of `GET /api/tickets` (and of the /tickets page) behind the count. */
  query: Record<string, string>;
  tone: 'danger' | 'warning' | 'default';
}

export const COUNT_DEFINITIONS: readonly CountDefinition[] = [
  {
    key: 'red',
    label: '红灯',
    hint: '已超期且尚未反馈',
    query: { redLight: 'true' },
    tone: 'danger',
  },
  {
    // No search matches the yellow light itself; it opens the transfers still inside their
    // window (each row shows its light) and counts those past the warning share.
    key: 'yellow',
    label: '黄灯',
    hint: '反馈期限将至的在办转办件',
    query: { status: 'dispatched' },
    tone: 'warning',
  },
  {
    key: 'overdue',
    label: '已超期',
    hint: '超过反馈期限、尚未催办',
    query: { status: 'overdue' },
    tone: 'danger',
  },
  {
    key: 'reminded',
    label: '已催办',
    hint: '已催办、尚未反馈',
    query: { status: 'reminded' },
    tone: 'default',
  },
  {
    key: 'bulletined',
    label: '已通报',
    hint: '催办后仍未反馈、已列入通报',
    query: { status: 'bulletined' },
    tone: 'danger',
  },
  {
    key: 'callback',
    label: '待回访',
    hint: '已反馈、等待回访',
    query: { status: 'handled' },
    tone: 'default',
  },
];

/** `/tickets?status=overdue` — the filtered list a count links to. */
export function ticketListHref(query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return search ? `/tickets?${search}` : '/tickets';
}

/** What a count shows: a number, `≥100` when only a lower bound is known, `—` while unknown. */
export function countText(count: number | undefined, atLeast = false): string {
  if (count === undefined) return '—';
  return atLeast ? `≥${count}` : String(count);
}
