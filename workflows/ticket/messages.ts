import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DispositionTarget } from '../../libs/domain/src/disposition-types';
import type { TicketView } from './ticket-state';

/** Messages of the ticket workflow, shared by the workflow, the intake's client and the tests. */

export interface FeedbackInput {
  actorId: string;
  result: string;
}
export interface RepeatCallInput {
  actorId: string;
  note: string | null;
  notHandledInTime: boolean;
}
export interface AcknowledgeInput {
  actorId: string;
  note: string | null;
}
export interface ReminderInput {
  actorId: string;
  note: string | null;
}
export interface CallbackInput {
  actorId: string;
  reached: boolean;
  satisfied: boolean | null;
  note: string | null;
}
/** 签收, 进展说明, 退回: by the handler addressed. */
export interface ActorInput {
  actorId: string;
}
export interface ProgressInput {
  actorId: string;
  note: string;
}
export interface ReturnInput {
  actorId: string;
  reason: string;
}
/** 改派 (agent or supervisor; the intake checks the role and resolves the target). */
export interface ReassignInput {
  actorId: string;
  reason: string;
  target: DispositionTarget;
  departmentId: string | null;
  /** The head of the new target's department (Art. 5 notifies both); may be the target. */
  departmentHead: DispositionTarget | null;
}
/** 申请延期 (the handler addressed): `until` an ISO instant after the present feedback deadline. */
export interface ExtensionRequestInput {
  actorId: string;
  until: string;
  reason: string;
}
/** 审批延期: the handler's department head, or a supervisor (`asSupervisor`, checked by the intake). */
export interface ExtensionDecisionInput {
  actorId: string;
  asSupervisor: boolean;
  approve: boolean;
  note: string | null;
}
/** An attachment stored by the intake, for the timeline (the bytes never enter the workflow). */
export interface AttachmentNoteInput {
  actorId: string;
  attachmentId: string;
  name: string;
}
export interface CalendarChangedInput {
  version: number;
}

export const submitFeedbackUpdate = defineUpdate<TicketView, [FeedbackInput]>('submitFeedback');
export const recordRepeatCallUpdate = defineUpdate<TicketView, [RepeatCallInput]>(
  'recordRepeatCall',
);
export const acknowledgeEscalationUpdate = defineUpdate<TicketView, [AcknowledgeInput]>(
  'acknowledgeEscalation',
);
export const sendReminderUpdate = defineUpdate<TicketView, [ReminderInput]>('sendReminder');
export const recordCallbackUpdate = defineUpdate<TicketView, [CallbackInput]>('recordCallback');
export const acceptTicketUpdate = defineUpdate<TicketView, [ActorInput]>('acceptTicket');
export const recordProgressUpdate = defineUpdate<TicketView, [ProgressInput]>('recordProgress');
export const returnTicketUpdate = defineUpdate<TicketView, [ReturnInput]>('returnTicket');
export const reassignTicketUpdate = defineUpdate<TicketView, [ReassignInput]>('reassignTicket');
export const requestExtensionUpdate = defineUpdate<TicketView, [ExtensionRequestInput]>(
  'requestExtension',
);
export const decideExtensionUpdate = defineUpdate<TicketView, [ExtensionDecisionInput]>(
  'decideExtension',
);
export const recordAttachmentUpdate = defineUpdate<TicketView, [AttachmentNoteInput]>(
  'recordAttachment',
);
export const calendarChangedSignal = defineSignal<[CalendarChangedInput]>('calendarChanged');
export const getTicketQuery = defineQuery<TicketView>('getTicket');
/**
 * Answers, with the state `getTicket` gives, once the ticket has been routed (its status has
 * left `open`). The intake sends it together with the start (update-with-start), so that
 * logging a call is one round trip to Temporal instead of a start and polling queries.
 */
export const awaitRoutedUpdate = defineUpdate<TicketView, []>('awaitRouted');
