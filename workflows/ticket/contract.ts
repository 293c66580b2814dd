/**
 * The ticket workflow's contract: its id, input, answer, messages and start options — all a
 * client, a worker or a test needs to start and talk to a ticket, without its code. Imports
 * only Temporal's message and search-attribute definitions and the pure domain, so that it
 * loads in Node and in the workflow sandbox alike.
 */
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Disposition, Route } from '../../libs/domain/src/disposition';
import {
  DISPOSITION_ACTION_LABELS,
  type DispositionTarget,
  ruleName,
} from '../../libs/domain/src/disposition-types';
import type { Policy } from '../../libs/domain/src/policy';
import { TASK_QUEUES } from '../../libs/domain/src/task-queues';
import {
  TICKET_TYPE_LABELS,
  type TicketFlags,
  type TicketType as TicketTypeName,
} from '../../libs/domain/src/ticket';
import type { CarriedTicketRun } from './carried-run';
import {
  TicketDepartment,
  TicketHandler,
  TicketRedLight,
  TicketStatus,
  TicketType,
} from './search-attributes';
import type { TicketView } from './ticket-view';

export type { CarriedTicketRun } from './carried-run';
export * from './search-attributes';
export type { EscalationState, TicketView } from './ticket-view';

/**
 * What the intake hands a ticket's workflow. No caller name or phone: the workflow's input
 * is visible in the Web UI, and the workflow needs neither (the ledger has them).
 */
export interface TicketWorkflowInput {
  ticketId: string;
  type: TicketTypeName;
  caseNumber: string | null;
  flags: TicketFlags;
  /** When the call came in (answered, or the voicemail received): the 2-hour dispatch clock starts here. */
  receivedAt: string;
  /** The disposition the agent confirmed (or overrode, with a reason). */
  disposition: Disposition;
  /** The head of the transfer target's department (Art. 5 notifies both); may be the target. */
  departmentHead: DispositionTarget | null;
  /**
   * The policy the ticket keeps for life. Absent: the worker's policy (POLICY_* of its
   * environment) is read when the ticket starts and recorded in its history.
   */
  policy?: Policy;
  /** The agent who logged it. */
  loggedBy: string;
  /**
   * The starter stored the ticket's ledger row before the start (the intake does; issue #17):
   * the first ledger write then waits until the main path first waits, and carries "created",
   * "dispatched" and the deadline at once. Absent (older tickets, direct starts): it writes at
   * once, as before. An input, not a patch: see docs/workflows.md, "One first ledger write".
   */
  ledgerRowStored?: boolean;
  /**
   * Set by the workflow itself when a run continues as new (issue #17): the state the previous
   * run reached. Clients never set it; they address the ticket by its workflow id alone.
   */
  carried?: CarriedTicketRun;
  /**
   * History events after which a run continues as new at its next safe point (default
   * `TICKET_HISTORY_BOUND`). Only tests make it small.
   */
  historyBound?: number;
}

/** History events after which a ticket's run continues as new, unless Temporal suggests it sooner. */
export const TICKET_HISTORY_BOUND = 2_000;

/** The workflow's type name, as clients start it by. */
export const TICKET_WORKFLOW_TYPE = 'ticketWorkflow';
/** The workflow's signature, for typed client handles. */
export type TicketWorkflow = (input: TicketWorkflowInput) => Promise<TicketView>;

/** Workflow id of a ticket: `ticket-<ticket id>`. */
export function ticketWorkflowId(ticketId: string): string {
  return `ticket-${ticketId}`;
}

// ——— messages ———

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
/** Sent to tickets and waiting voicemails alike when the court calendar changes. */
export const calendarChangedSignal = defineSignal<[CalendarChangedInput]>('calendarChanged');
export const getTicketQuery = defineQuery<TicketView>('getTicket');
/**
 * Answers, with the state `getTicket` gives, once the ticket has been routed (its status has
 * left `open`). The intake sends it together with the start (update-with-start), so that
 * logging a call is one round trip to Temporal instead of a start and polling queries.
 */
export const awaitRoutedUpdate = defineUpdate<TicketView, []>('awaitRouted');

// ——— start options ———

function basis(route: Pick<Route, 'rule' | 'byAnalogy'>): string {
  return `${route.byAnalogy ? '参照' : '依据'}${ruleName(route.rule)}`;
}

/**
 * The clauses a ticket is handled under, for the Web UI's details. Only clause names: the
 * disposition's explanation may carry a judge's mobile number (4.2) or an agent's free-text
 * reason for an override, and summaries are readable wherever the history is.
 */
export function ticketRuleBasis(disposition: Disposition): string {
  const routes = [basis(disposition), ...disposition.alsoRoutes.map((r) => `同时${basis(r)}`)];
  return `${routes.join('；')}${disposition.overridden ? '（座席员改变了系统建议的处理方式）' : ''}`;
}

/**
 * How a ticket's workflow is started, by the intake and by the tests alike: id
 * `ticket-<id>`, a duplicate id refused for ever (a ticket never runs twice), a static
 * summary and details for the Web UI (no personal data), and the search attributes set from
 * the start.
 */
export function ticketWorkflowOptions(
  input: TicketWorkflowInput,
  taskQueue: string = TASK_QUEUES.tickets,
) {
  const { disposition } = input;
  const target = disposition.target ? ` ${disposition.target.name}` : '';
  return {
    workflowId: ticketWorkflowId(input.ticketId),
    taskQueue,
    args: [input] as [TicketWorkflowInput],
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    staticSummary: `工单 ${input.ticketId} · ${TICKET_TYPE_LABELS[input.type]} · ${DISPOSITION_ACTION_LABELS[disposition.action]}${target}（${ruleName(disposition.rule)}）`,
    staticDetails: ticketRuleBasis(disposition),
    typedSearchAttributes: [
      { key: TicketType, value: input.type },
      { key: TicketStatus, value: 'open' },
      { key: TicketRedLight, value: false },
      ...(disposition.departmentId
        ? [{ key: TicketDepartment, value: disposition.departmentId }]
        : []),
      ...(disposition.target ? [{ key: TicketHandler, value: disposition.target.id }] : []),
    ],
  };
}
