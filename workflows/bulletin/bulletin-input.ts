/** What starts a bulletin workflow: the schedule (no period: the week before) or a person. */
export interface BulletinWorkflowInput {
  trigger?: 'schedule' | 'manual';
  /** ISO instants; manual bulletins give them (`from` may be null: no lower bound). */
  from?: string | null;
  to?: string | null;
  requestedBy?: string | null;
  /** Scheduled bulletins: the period's length in days when no earlier bulletin says otherwise. */
  periodDays?: number;
}

export interface BulletinWorkflowResult {
  /** True when the schedule fired on a day that is not a working day on the court calendar. */
  skipped: boolean;
  reason: string | null;
  bulletinId: string | null;
  period: { from: string | null; to: string } | null;
  counts: { bulletined: number; overdue: number } | null;
  announced: number;
}

/** Workflow id prefix of bulletins; the schedule's runs get `<prefix>scheduled-<time>`. */
export const BULLETIN_WORKFLOW_PREFIX = 'bulletin-';
