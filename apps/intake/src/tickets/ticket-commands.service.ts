import type { Principal } from '@court/auth';
import type { TicketLedgerDoc } from '@court/database';
import type { DispositionTarget } from '@court/domain';
import { TEMPORAL_CLIENT } from '@court/temporal';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import {
  acceptTicketUpdate,
  acknowledgeEscalationUpdate,
  decideExtensionUpdate,
  reassignTicketUpdate,
  recordAttachmentUpdate,
  recordCallbackUpdate,
  recordProgressUpdate,
  recordRepeatCallUpdate,
  requestExtensionUpdate,
  returnTicketUpdate,
  sendReminderUpdate,
  submitFeedbackUpdate,
  type TicketView,
} from '../../../../workflows/ticket/contract';
import { DirectoryService } from '../directory/directory.service';
import { TemporalAvailability } from '../faults/temporal-availability';
import { badRequest } from './bad-request';
import { departmentHead } from './department-head';
import { extensionUntil } from './extension-until';
import { TicketLedgerReads } from './ticket-ledger-reads.service';
import { ATTACHMENT_NOTE_TIMEOUT_MS } from './ticket-timeouts';
import { toHttpError } from './workflow-errors';

type WorkflowHandle = ReturnType<Client['workflow']['getHandle']>;

/**
 * What people do to a ticket after it is logged, each an update of its workflow, which decides
 * who may (its refusals → `toHttpError`); the answer is the ticket as it is then.
 */
@Injectable()
export class TicketCommands {
  private readonly logger = new Logger('Tickets');

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly directory: DirectoryService,
    private readonly availability: TemporalAvailability,
    private readonly ledger: TicketLedgerReads,
  ) {}

  private async sendUpdate(
    id: string,
    user: Principal,
    send: (handle: WorkflowHandle) => Promise<TicketView>,
  ) {
    const doc = await this.ledger.row(id);
    await this.availability.ensure();
    let view: TicketView;
    try {
      view = await send(this.temporal.workflow.getHandle(doc.workflowId));
    } catch (error) {
      throw toHttpError(error);
    }
    return this.ledger.detail(await this.ledger.freshRow(doc), view, user);
  }

  feedback(id: string, user: Principal, result: string) {
    return this.sendUpdate(id, user, (h) =>
      h.executeUpdate(submitFeedbackUpdate, {
        args: [{ actorId: user.id, result: result.trim() }],
      }),
    );
  }

  repeatCall(id: string, user: Principal, note: string | null, notHandledInTime: boolean) {
    return this.sendUpdate(id, user, (h) =>
      h.executeUpdate(recordRepeatCallUpdate, {
        args: [{ actorId: user.id, note, notHandledInTime }],
      }),
    );
  }

  acknowledge(id: string, user: Principal, note: string | null) {
    return this.sendUpdate(id, user, (h) =>
      h.executeUpdate(acknowledgeEscalationUpdate, { args: [{ actorId: user.id, note }] }),
    );
  }

  remind(id: string, user: Principal, note: string | null) {
    return this.sendUpdate(id, user, (h) =>
      h.executeUpdate(sendReminderUpdate, { args: [{ actorId: user.id, note }] }),
    );
  }

  callback(
    id: string,
    user: Principal,
    input: { reached: boolean; satisfied: boolean | null; note: string | null },
  ) {
    return this.sendUpdate(id, user, (h) =>
      h.executeUpdate(recordCallbackUpdate, { args: [{ actorId: user.id, ...input }] }),
    );
  }

  accept(id: string, user: Principal) {
    return this.sendUpdate(id, user, (h) =>
      h.executeUpdate(acceptTicketUpdate, { args: [{ actorId: user.id }] }),
    );
  }

  progress(id: string, user: Principal, note: string) {
    return this.sendUpdate(id, user, (h) =>
      h.executeUpdate(recordProgressUpdate, { args: [{ actorId: user.id, note: note.trim() }] }),
    );
  }

  returnTicket(id: string, user: Principal, reason: string) {
    return this.sendUpdate(id, user, (h) =>
      h.executeUpdate(returnTicketUpdate, { args: [{ actorId: user.id, reason: reason.trim() }] }),
    );
  }

  /** 改派 to a handler of the directory; the head of their department is told too (Art. 5). */
  async reassign(id: string, user: Principal, targetId: string, reason: string) {
    const directory = await this.directory.current();
    const person = directory.person(targetId);
    if (person?.role !== 'handler') {
      const message = `改派对象 ${targetId} 不是通讯录中的承办人`;
      throw badRequest([{ field: 'targetId', message }], message);
    }
    const target: DispositionTarget = { id: person.id, name: person.name, role: person.role };
    return this.sendUpdate(id, user, (h) =>
      h.executeUpdate(reassignTicketUpdate, {
        args: [
          {
            actorId: user.id,
            reason: reason.trim(),
            target,
            departmentId: person.departmentId,
            departmentHead: departmentHead(directory, person.departmentId),
          },
        ],
      }),
    );
  }

  /** `until`: an ISO instant, or a date (the end of that Shanghai day, 23:59). */
  requestExtension(id: string, user: Principal, until: string, reason: string) {
    const at = extensionUntil(until);
    return this.sendUpdate(id, user, (h) =>
      h.executeUpdate(requestExtensionUpdate, {
        args: [{ actorId: user.id, until: at, reason: reason.trim() }],
      }),
    );
  }

  decideExtension(id: string, user: Principal, approve: boolean, note: string | null) {
    const asSupervisor = user.roles.includes('supervisor');
    return this.sendUpdate(id, user, (h) =>
      h.executeUpdate(decideExtensionUpdate, {
        args: [{ actorId: user.id, asSupervisor, approve, note: note?.trim() || null }],
      }),
    );
  }

  /**
   * The timeline entry of a stored attachment. The file is kept whatever happens here: a
   * finished ticket, or Temporal away, only leaves the entry out (logged).
   */
  async noteAttachment(
    doc: TicketLedgerDoc,
    user: Principal,
    attachment: { attachmentId: string; name: string },
  ): Promise<void> {
    if (doc.status === 'closed') return;
    try {
      await this.temporal.withDeadline(Date.now() + ATTACHMENT_NOTE_TIMEOUT_MS, () =>
        this.temporal.workflow
          .getHandle(doc.workflowId)
          .executeUpdate(recordAttachmentUpdate, { args: [{ actorId: user.id, ...attachment }] }),
      );
    } catch (error) {
      this.logger.warn(
        `attachment ${attachment.attachmentId} of ${doc._id} stored without a timeline entry: ${String(error)}`,
      );
    }
  }
}
