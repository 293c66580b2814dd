/** One row of `GET /api/reports/ledger?format=json`. */
export interface LedgerRow {
  id: string;
  receivedAt: string | null;
  type: string;
  typeLabel: string;
  channel: string;
  caller: { name: string; phone: string };
  caseNumber: string | null;
  contentSummary: string;
  disposition: { action: string; actionLabel: string; rule: string; ruleName: string } | null;
  handler: { id: string; name: string } | null;
  department: { id: string; name: string } | null;
  status: string;
  statusLabel: string;
  redLight: boolean;
  dispatchedAt: string | null;
  feedbackBy: string | null;
  feedback: { result?: string; at?: string | null } | string | null;
  overdueAt: string | null;
  reminders: number;
  bulletinedAt: string | null;
  callbackResult: string | null;
}

export interface LedgerPage {
  items: LedgerRow[];
  total: number;
  page: number;
  limit: number;
}
