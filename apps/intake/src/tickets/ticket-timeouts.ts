/** How long `POST /api/tickets` waits for the workflow to route the ticket before answering `open`. */
export const SETTLE_TIMEOUT_MS = 5_000;
/** How long the plain start after a slow update-with-start may take (and the voicemail's note). */
export const START_TIMEOUT_MS = 3_000;
/** How long a live read of a ticket's workflow may take before the ledger answers alone. */
export const QUERY_TIMEOUT_MS = 1_500;
/** How long an attachment's timeline entry may take before the upload answers without it. */
export const ATTACHMENT_NOTE_TIMEOUT_MS = QUERY_TIMEOUT_MS * 2;
