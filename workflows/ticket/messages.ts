import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
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
export const calendarChangedSignal = defineSignal<[CalendarChangedInput]>('calendarChanged');
export const getTicketQuery = defineQuery<TicketView>('getTicket');
/**
 * Answers, with the state `getTicket` gives, once the ticket has been routed (its status has
 * left `open`). The intake sends it together with the start (update-with-start), so that
 * logging a call is one round trip to Temporal instead of a start and polling queries.
 */
export const awaitRoutedUpdate = defineUpdate<TicketView, []>('awaitRouted');
