import type { DispositionTarget } from '../../libs/domain/src/disposition-types';
import type {
  ProgressNote,
  RepeatCall,
  TicketCallback,
  TicketDeadlines,
  TicketExtension,
  TicketFeedback,
  TicketReassignment,
  TicketReturn,
  TicketStatus,
  TimelineEvent,
} from '../../libs/domain/src/ticket';

export interface EscalationState {
  level: number;
  notified: string[];
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  note: string | null;
}

/** The live state `getTicket` returns and every update answers with. */
export interface TicketView {
  id: string;
  status: TicketStatus;
  redLight: boolean;
  deadlines: TicketDeadlines;
  provisionalDeadlines: boolean;
  handler: DispositionTarget | null;
  departmentId: string | null;
  dispatchedAt: string | null;
  overdueAt: string | null;
  remindedAt: string | null;
  reminders: number;
  bulletinedAt: string | null;
  feedback: TicketFeedback | null;
  handledAt: string | null;
  callbackDue: boolean;
  keyCallback: boolean;
  callback: TicketCallback | null;
  closedAt: string | null;
  escalation: EscalationState | null;
  repeatCalls: RepeatCall[];
  timeline: TimelineEvent[];
  acceptedAt: string | null;
  progressNotes: ProgressNote[];
  returns: TicketReturn[];
  reassignments: TicketReassignment[];
  extension: TicketExtension | null;
  extensions: TicketExtension[];
}
