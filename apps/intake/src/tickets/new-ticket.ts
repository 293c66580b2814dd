import type { TicketLedgerDoc } from '@court/database';
import type { CreateTicketInput } from '@court/domain';
import {
  type TicketView,
  type TicketWorkflowInput,
  ticketWorkflowId,
} from '../../../../workflows/ticket/contract';
import type { TicketCreated } from './dto/ticket-view.dto';
import { publicDisposition } from './ticket-view';

/**
 * A new ticket's ledger row, as the intake inserts it before the workflow starts. It carries
 * what only the intake knows (the caller, the content, the answer); the workflow's ledger
 * writes (`ledgerFields` in workflows/ticket/ticket.workflow.ts) `$set` its own fields over it.
 */
export function newLedgerRow(
  input: CreateTicketInput,
  workflowInput: TicketWorkflowInput,
): Partial<TicketLedgerDoc> {
  const { ticketId, disposition } = workflowInput;
  const transfer = [disposition, ...disposition.alsoRoutes].find((r) => r.action === 'transfer');
  return {
    _id: ticketId,
    workflowId: ticketWorkflowId(ticketId),
    type: input.type,
    channel: input.channel,
    complaint: input.complaint,
    caseNumber: input.caseNumber,
    caller: { name: input.caller.name, phone: input.caller.phone },
    content: input.content,
    answer: input.answer,
    flags: input.flags,
    status: 'open',
    redLight: false,
    disposition,
    handlerId: transfer?.target?.id ?? null,
    departmentId: transfer?.departmentId ?? disposition.departmentId ?? null,
    deadlines: {},
    receivedAt: new Date(workflowInput.receivedAt),
    ringAt: input.ringAt ? new Date(input.ringAt) : null,
    answeredAt: input.answeredAt ? new Date(input.answeredAt) : null,
    loggedBy: workflowInput.loggedBy,
    voicemailId: input.voicemailId,
  };
}

/** The 201 of `POST /api/tickets`: the workflow's state once routed, or `open` when it was slow. */
export function ticketCreated(
  input: CreateTicketInput,
  workflowInput: TicketWorkflowInput,
  routed: TicketView | null,
): TicketCreated {
  const { ticketId } = workflowInput;
  return {
    id: ticketId,
    workflowId: ticketWorkflowId(ticketId),
    status: routed?.status ?? 'open',
    redLight: routed?.redLight ?? false,
    disposition: publicDisposition(workflowInput.disposition)!,
    deadlines: routed?.deadlines ?? {
      dispatchBy: null,
      feedbackBy: null,
      reminderBy: null,
      bulletinBy: null,
      callbackBy: null,
    },
    receivedAt: workflowInput.receivedAt,
    voicemailId: input.voicemailId,
  };
}
