import type { Principal } from '@court/auth';
import { answerErrors, type CreateTicketInput, type Disposition } from '@court/domain';
import { Inject, Injectable } from '@nestjs/common';
import type { TicketWorkflowInput } from '../../../../workflows/ticket/contract';
import { DirectoryService } from '../directory/directory.service';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';
import { badRequest } from './bad-request';
import { checkedCreateInput, decidedDisposition } from './create-input';
import { departmentHead } from './department-head';

/** A call that passed every check, ready to be stored: nothing is written before this. */
export interface PreparedTicket {
  input: CreateTicketInput;
  disposition: Disposition;
  /** The ticket the voicemail named in the body was already logged as (a replay, or a conflict). */
  voicemailLoggedAs: string | null;
  /** Without the ticket id, which is claimed later. */
  workflowInput: Omit<TicketWorkflowInput, 'ticketId'>;
}

/** Validate → decide → (the voicemail it answers) → the workflow's input; 400 on any problem. */
@Injectable()
export class TicketPreparation {
  constructor(
    @Inject(INTAKE_STORE) private readonly store: IntakeStore,
    private readonly directory: DirectoryService,
  ) {}

  async prepare(body: unknown, user: Principal): Promise<PreparedTicket> {
    const input = checkedCreateInput(body);
    const directory = await this.directory.current();
    const disposition = decidedDisposition(input, directory);
    const missingAnswer = answerErrors(input, disposition);
    if (missingAnswer.length > 0) throw badRequest(missingAnswer);

    let receivedAt = input.answeredAt ?? input.ringAt ?? new Date().toISOString();
    let voicemailLoggedAs: string | null = null;
    if (input.voicemailId) {
      const voicemail = await this.store.voicemails.byId(input.voicemailId);
      if (!voicemail) {
        throw badRequest([{ field: 'voicemailId', message: `未找到留言 ${input.voicemailId}` }]);
      }
      if (voicemail.status === 'logged' && voicemail.ticketId) {
        voicemailLoggedAs = voicemail.ticketId;
      }
      receivedAt = voicemail.receivedAt.toISOString();
    }
    const transfer = [disposition, ...disposition.alsoRoutes].find((r) => r.action === 'transfer');
    return {
      input,
      disposition,
      voicemailLoggedAs,
      workflowInput: {
        type: input.type,
        caseNumber: input.caseNumber,
        flags: input.flags,
        receivedAt: new Date(receivedAt).toISOString(),
        disposition,
        departmentHead: departmentHead(directory, transfer?.departmentId ?? null),
        loggedBy: user.id,
      },
    };
  }
}
