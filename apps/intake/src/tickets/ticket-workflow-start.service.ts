import { TEMPORAL_CLIENT } from '@court/temporal';
import { Inject, Injectable } from '@nestjs/common';
import {
  type Client,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import {
  awaitRoutedUpdate,
  getTicketQuery,
  TICKET_WORKFLOW_TYPE,
  type TicketView,
  type TicketWorkflow,
  type TicketWorkflowInput,
  ticketWorkflowId,
  ticketWorkflowOptions,
} from '../../../../workflows/ticket/contract';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake-settings';
import { SETTLE_TIMEOUT_MS, START_TIMEOUT_MS } from './ticket-timeouts';

/** A gRPC call cut off by its deadline (`withDeadline`), however the client wrapped it. */
function isDeadlineExceeded(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === 4 /* DEADLINE_EXCEEDED */) return true;
    if (e.name === 'WorkflowUpdateRPCTimeoutOrCancelledError') return true;
  }
  return false;
}

/** Starts a ticket's workflow and answers its state once the workflow has routed the ticket. */
@Injectable()
export class TicketWorkflowStart {
  constructor(
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /**
   * In one round trip: update-with-start. A running workflow (a retry) is used as it is
   * (`USE_EXISTING`; the same update id answers again without a second run); a finished one is
   * refused by the id reuse policy and queried instead; a worker without the update is queried
   * too. Null when the workflow is slow: it is still started, and the ticket answers `open`.
   */
  async startRouted(input: TicketWorkflowInput): Promise<TicketView | null> {
    const options = ticketWorkflowOptions(input, this.settings.ticketsTaskQueue);
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    try {
      return await this.temporal.withDeadline(deadline, () =>
        this.temporal.workflow.executeUpdateWithStart(awaitRoutedUpdate, {
          updateId: `routed-${input.ticketId}`,
          startWorkflowOperation: new WithStartWorkflowOperation<TicketWorkflow>(
            TICKET_WORKFLOW_TYPE,
            { ...options, workflowIdConflictPolicy: 'USE_EXISTING' },
          ),
        }),
      );
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        return this.routedView(input.ticketId, deadline); // finished already: its last state
      }
      if (error instanceof WorkflowUpdateFailedError) {
        // Started, but the worker has no such update (an older worker): ask as before.
        return this.routedView(input.ticketId, deadline);
      }
      if (!isDeadlineExceeded(error)) throw error;
      // No answer in time (no worker, or a very busy one): make sure it runs, answer `open`.
      try {
        await this.temporal.withDeadline(Date.now() + START_TIMEOUT_MS, () =>
          this.temporal.workflow.start<TicketWorkflow>(TICKET_WORKFLOW_TYPE, options),
        );
      } catch (startError) {
        if (!(startError instanceof WorkflowExecutionAlreadyStartedError)) throw startError;
      }
      return null;
    }
  }

  /**
   * The workflow's state once it has routed the ticket (no longer `open`), polled through
   * `getTicket` until `deadline`: then its state as it is, or null when it does not answer.
   */
  private async routedView(ticketId: string, deadline: number): Promise<TicketView | null> {
    const handle = this.temporal.workflow.getHandle(ticketWorkflowId(ticketId));
    let delay = 5;
    for (;;) {
      try {
        const view = await handle.query(getTicketQuery);
        if (view.status !== 'open' || Date.now() > deadline) return view;
      } catch {
        if (Date.now() > deadline) return null;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 100);
    }
  }
}
