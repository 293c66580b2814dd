/**
 * The voicemail workflow's contract (Art. 6): id, input, answer, messages and start options,
 * for the intake, the tests and the workflow itself. Loads in Node and in the sandbox alike.
 */
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Policy } from '../../libs/domain/src/policy';
import { TASK_QUEUES } from '../../libs/domain/src/task-queues';

/** A waiting voicemail takes the ticket's `calendarChanged` too: its due time follows the calendar. */
export { type CalendarChangedInput, calendarChangedSignal } from '../ticket/contract';

export interface VoicemailWorkflowInput {
  voicemailId: string;
  receivedAt: string;
  /** Absent: the worker's policy (working hours, quiet hours). */
  policy?: Policy;
}

export interface VoicemailLoggedInput {
  ticketId: string;
  actorId: string;
}

/** The voicemail as its workflow keeps it (and writes it to the voicemail queue). */
export interface VoicemailView {
  id: string;
  receivedAt: string;
  status: 'waiting' | 'due' | 'logged' | 'overdue';
  dueAt: string | null;
  overdueAt: string | null;
  ticketId: string | null;
  loggedAt: string | null;
  provisional: boolean;
}

/** The workflow's type name, as clients start it by. */
export const VOICEMAIL_WORKFLOW_TYPE = 'voicemailWorkflow';
/** The workflow's signature, for typed client handles. */
export type VoicemailWorkflow = (input: VoicemailWorkflowInput) => Promise<VoicemailView>;

export function voicemailWorkflowId(voicemailId: string): string {
  return `voicemail-${voicemailId}`;
}

/** Logging a ticket with the voicemail's id completes it; refused (`conflict`) once logged. */
export const voicemailLoggedUpdate = defineUpdate<VoicemailView, [VoicemailLoggedInput]>(
  'voicemailLogged',
);
export const getVoicemailQuery = defineQuery<VoicemailView>('getVoicemail');

/** How the intake (and the tests) start a voicemail's workflow; a voicemail never runs twice. */
export function voicemailWorkflowOptions(
  input: VoicemailWorkflowInput,
  taskQueue: string = TASK_QUEUES.tickets,
) {
  return {
    workflowId: voicemailWorkflowId(input.voicemailId),
    taskQueue,
    args: [input] as [VoicemailWorkflowInput],
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    staticSummary: `留言 ${input.voicemailId}（第六条：次一工作日上班后听取并登记）`,
  };
}
