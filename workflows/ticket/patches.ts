/**
 * The ticket workflow's patch ids (docs/workflows.md, "Changing workflow code"). Recorded in running
 * tickets' histories: never rename one.
 */

/**
 * `calendarChanged` names the calendar version; a ticket whose working-day deadlines were all
 * computed with it ignores the signal (a resumed re-arm sends it again), and the recompute asks
 * the calendar activity for at least that version. Histories from before replay the old way.
 */
export const CALENDAR_VERSION_CHECK = 'calendar-changed-version-check';

/**
 * At the top of the escalation ladder (Art. 4.8), while nobody acknowledges: every
 * `escalationAckWithin` the top level is notified again and the supervisors are alerted, until
 * acknowledged or the ticket closes. Histories from before wait silently, as they did.
 */
export const ESCALATION_TOP_REMINDERS = 'escalation-top-reminders';

/**
 * Continue-as-new (issue #17): a ticket whose history grew past its bound, or whose run Temporal
 * suggests continuing, starts a new run with the same id, carrying its state. Recorded only by
 * a run that continues; a run without the marker never does.
 */
export const CONTINUE_AS_NEW = 'continue-as-new';
