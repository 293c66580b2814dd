import type { CreateTicketInput } from '@court/domain';
import { TEMPORAL_CLIENT } from '@court/temporal';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import {
  type TicketView,
  type TicketWorkflowInput,
  ticketWorkflowId,
} from '../../../../workflows/ticket/contract';
import {
  voicemailLoggedUpdate,
  voicemailWorkflowId,
} from '../../../../workflows/voicemail/contract';
import { WorkflowStarts } from '../faults/workflow-starts';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';
import type { TicketCreated } from './dto/ticket-view.dto';
import { newLedgerRow, ticketCreated } from './new-ticket';
import { START_TIMEOUT_MS } from './ticket-timeouts';
import { TicketWorkflowStart } from './ticket-workflow-start.service';

/**
 * A checked call with its claimed id made a ticket: store the call → start the workflow → mark
 * the voicemail logged. Each step is idempotent (the ledger insert and the workflow start
 * tolerate "already there"), so a retry after a crash finishes the same ticket.
 */
@Injectable()
export class TicketOpening {
  private readonly logger = new Logger('Tickets');

  constructor(
    @Inject(INTAKE_STORE) private readonly store: IntakeStore,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly starts: WorkflowStarts,
    private readonly workflowStart: TicketWorkflowStart,
  ) {}

  async open(
    ticketId: string,
    input: CreateTicketInput,
    prepared: Omit<TicketWorkflowInput, 'ticketId'>,
  ): Promise<TicketCreated> {
    // The row is stored below, before the start: the workflow's first write may wait (contract).
    const workflowInput: TicketWorkflowInput = { ...prepared, ticketId, ledgerRowStored: true };
    const workflowId = ticketWorkflowId(ticketId);
    await this.starts.begin('ticket', ticketId, workflowId);
    await this.store.ticketLedger.insertNew(newLedgerRow(input, workflowInput));
    await this.store.callers.add([
      { id: ticketId, type: input.type, phone: input.caller.phone, caseNumber: input.caseNumber },
    ]);
    let routed: TicketView | null;
    try {
      routed = await this.workflowStart.startRouted(workflowInput);
    } catch (error) {
      // Not started (or not known to be): keep the row only if Temporal has the workflow.
      await this.starts.settle({ _id: workflowId, kind: 'ticket', ref: ticketId }).catch(() => {
        this.logger.warn(`工单 ${ticketId} 的启动结果待补偿检查确认 (left to the reconciler)`);
      });
      throw error;
    }
    await this.starts.done(workflowId).catch(() => undefined); // else the reconciler finds it started
    if (input.voicemailId)
      await this.markVoicemailLogged(input.voicemailId, ticketId, workflowInput.loggedBy);
    return ticketCreated(input, workflowInput, routed);
  }

  private async markVoicemailLogged(voicemailId: string, ticketId: string, actorId: string) {
    try {
      await this.temporal.withDeadline(Date.now() + START_TIMEOUT_MS, () =>
        this.temporal.workflow
          .getHandle(voicemailWorkflowId(voicemailId))
          .executeUpdate(voicemailLoggedUpdate, { args: [{ ticketId, actorId }] }),
      );
    } catch (error) {
      const voicemail = await this.store.voicemails.byId(voicemailId);
      if (voicemail?.ticketId === ticketId) return;
      this.logger.warn(
        `留言 ${voicemailId} 未能标记为已登记（工单 ${ticketId}）：${error instanceof Error ? error.message : error}`,
      );
    }
  }
}
