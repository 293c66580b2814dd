import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { TicketWorkflowInput } from '../../../workflows/ticket/ticket-input';
import type { VoicemailWorkflowInput } from '../../../workflows/voicemail/voicemail.workflow';
import {
  DISPOSITION_ACTION_LABELS,
  type Disposition,
  type Route,
  ruleName,
  TICKET_TYPE_LABELS,
  ticketWorkflowId,
} from '../../domain/src';
import {
  TicketDepartment,
  TicketHandler,
  TicketRedLight,
  TicketStatus,
  TicketType,
} from './search-attributes';
import { TASK_QUEUES } from './task-queues';

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

export function voicemailWorkflowId(voicemailId: string): string {
  return `voicemail-${voicemailId}`;
}

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
