/**
 * The bulletin workflow's contract (情况通报, Art. 8, 9): ids, input and result, for the
 * reporting service's schedule and API, and the workflow itself. It runs on task queue
 * `reporting`, in the reporting service's own worker.
 */

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

/** The workflow's type name, as clients and the schedule start it by. */
export const BULLETIN_WORKFLOW_TYPE = 'bulletinWorkflow';
/** The workflow's signature, for typed client handles. */
export type BulletinWorkflow = (input?: BulletinWorkflowInput) => Promise<BulletinWorkflowResult>;

/** Workflow id prefix of bulletins; the schedule's runs get `<prefix>scheduled-<time>`. */
export const BULLETIN_WORKFLOW_PREFIX = 'bulletin-';

/** The id a bulletin asked for by a person gets: `bulletin-manual-<nonce>`. */
export function manualBulletinWorkflowId(nonce: string): string {
  return `${BULLETIN_WORKFLOW_PREFIX}manual-${nonce}`;
}
