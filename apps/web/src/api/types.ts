/**
 * The API's shapes as the pages use them. Request bodies, queries and the notification and
 * reporting responses come from the generated OpenAPI types; the intake's responses are
 * written here until its controllers declare response schemas (then these become aliases).
 */
import type { components as IntakeSchemas } from './generated/intake';
import type { components as NotificationSchemas } from './generated/notification';
import type { components as ReportingSchemas } from './generated/reporting';

export type CreateTicketBody = IntakeSchemas['schemas']['CreateTicketDto'];
export type Person = IntakeSchemas['schemas']['PersonDto'];
export type Department = IntakeSchemas['schemas']['DepartmentDto'];
export type CaseRecord = IntakeSchemas['schemas']['CaseDto'];
export type NoticeView = NotificationSchemas['schemas']['NotificationView'];
export type SmsView = NotificationSchemas['schemas']['SmsView'];
export type Metrics = ReportingSchemas['schemas']['MetricsDto'];
export type Bulletin = ReportingSchemas['schemas']['BulletinDto'];

export interface Target {
  id: string;
  name: string;
  role: string;
}

export interface Route {
  action: string;
  rule: string;
  target: Target | null;
  departmentId: string | null;
  explanation: string | null;
}

export interface Disposition extends Route {
  overridden: boolean;
  overrideReason: string | null;
  alsoRoutes: Route[];
  escalationLadder: unknown;
}

export interface Deadlines {
  dispatchBy: string | null;
  feedbackBy: string | null;
  reminderBy: string | null;
  bulletinBy: string | null;
  callbackBy: string | null;
}

export interface TimelineEntry {
  at: string | null;
  kind: string;
  actor: string;
  note: string | null;
}

export interface TicketView {
  id: string;
  workflowId: string;
  channel: string;
  type: string;
  complaint: { category: string; specificClues: boolean } | null;
  caseNumber: string | null;
  caller: { name: string; phone: string };
  content: string;
  answer: string | null;
  flags: {
    urgent: boolean;
    abusive: boolean;
    litigationRights: boolean;
    couldNotReachJudge: boolean;
  };
  status: string;
  redLight: boolean;
  disposition: Disposition | null;
  handlerId: string | null;
  departmentId: string | null;
  deadlines: Deadlines;
  feedback: { result: string; at: string | null; by: string } | null;
  callback: {
    reached: boolean;
    satisfied: boolean | null;
    note: string | null;
    at: string | null;
    by: string;
  } | null;
  callbackDue: boolean;
  keyCallback: boolean;
  escalation: { level?: number; acknowledged?: boolean; [key: string]: unknown } | null;
  reminders: number;
  repeatCalls: {
    at: string | null;
    note: string | null;
    notHandledInTime?: boolean;
    by?: string;
  }[];
  timeline: TimelineEntry[];
  voicemailId: string | null;
  loggedBy: string | null;
  ringAt: string | null;
  answeredAt: string | null;
  receivedAt: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface TicketListItem {
  id: string;
  workflowId: string;
  channel: string;
  type: string;
  caseNumber: string | null;
  caller: { name: string; phone: string };
  status: string;
  redLight: boolean;
  disposition: Pick<Route, 'action' | 'rule' | 'target'> | null;
  handlerId: string | null;
  departmentId: string | null;
  deadlines: Deadlines;
  loggedBy: string | null;
  receivedAt: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface TicketPage {
  items: TicketListItem[];
  total: number;
  page: number;
  limit: number;
}

export interface EarlierTicket extends TicketListItem {
  open: boolean;
  samePhone: boolean;
  sameCase: boolean;
}

export interface Proposal {
  disposition: Disposition;
  answerRequired: boolean;
  repeat: boolean;
  earlierTickets: EarlierTicket[];
  suggestions: { kind: string; rule: string; message: string; flags: Record<string, boolean> }[];
}

/** `POST /api/tickets` → 201. */
export interface CreatedTicket {
  id: string;
  workflowId: string;
  status: string;
  redLight: boolean;
  disposition: Disposition;
  deadlines: Partial<Deadlines>;
}

export interface Voicemail {
  id: string;
  callerPhone: string;
  receivedAt: string | null;
  recordingRef: string | null;
  status: string;
  dueAt: string | null;
  overdueAt: string | null;
  ticketId: string | null;
  loggedAt: string | null;
}

export interface Directory {
  departments: Department[];
  people: Person[];
  cases: CaseRecord[];
}
