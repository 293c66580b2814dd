import type { CallerTicket } from '@court/database';
import type { CreateTicketInput } from '@court/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DirectoryService } from '../directory/directory.service';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';
import { checkedCreateInput, decidedDisposition } from './create-input';
import type { TicketProposal } from './dto/ticket-view.dto';
import { publicDisposition, ticketListItem } from './ticket-view';

const FINISHED = ['closed', 'answered'];

/**
 * Whether this caller already had a contact-judge ticket (about this case, when one is given),
 * among all the caller's tickets, not only those listed.
 */
function contactedJudgeBefore(
  input: Pick<CreateTicketInput, 'caseNumber'>,
  callerTickets: CallerTicket[],
): boolean {
  return callerTickets.some(
    (t) => t.type === 'contact_judge' && t.samePhone && (!input.caseNumber || t.sameCase),
  );
}

/** `POST /api/tickets/proposal`: what the rule table would do with a call, nothing stored. */
@Injectable()
export class TicketProposals {
  constructor(
    @Inject(INTAKE_STORE) private readonly store: IntakeStore,
    private readonly directory: DirectoryService,
  ) {}

  /** The disposition and the caller's and case's earlier tickets. */
  async propose(body: unknown): Promise<TicketProposal> {
    const input = checkedCreateInput(body);
    const directory = await this.directory.current();
    const disposition = decidedDisposition(input, directory);
    const callerTickets = await this.store.callers.find(input.caller.phone, input.caseNumber);
    const earlier = await this.earlierTickets(input, callerTickets);
    const offerCouldNotReachJudge =
      input.type === 'contact_judge' &&
      !input.flags.couldNotReachJudge &&
      contactedJudgeBefore(input, callerTickets);
    return {
      disposition: publicDisposition(disposition)!,
      answerRequired: disposition.action === 'direct_answer',
      repeat: earlier.length > 0,
      earlierTickets: earlier,
      suggestions: offerCouldNotReachJudge
        ? [
            {
              kind: 'could_not_reach_judge',
              rule: '4.2',
              message:
                '该来电人此前已就本案联系法官：如因联系不上承办法官再次来电，请勾选“联系不上法官”，工单将转发至承办法官（第四条第二项）',
              flags: { couldNotReachJudge: true },
            },
          ]
        : [],
    };
  }

  /** Earlier tickets of the same caller phone or the same case (the 50 latest), open ones first. */
  private async earlierTickets(
    input: Pick<CreateTicketInput, 'caller' | 'caseNumber'>,
    callerTickets: CallerTicket[],
  ) {
    const latest = callerTickets.slice(0, 50).map((t) => t.id);
    const docs = (await this.store.ticketLedger.byIds(latest)).sort(
      (a, b) => b.receivedAt.getTime() - a.receivedAt.getTime(),
    );
    const rows = docs.map((doc) => ({
      ...ticketListItem(doc),
      open: !FINISHED.includes(doc.status),
      samePhone: doc.caller?.phone === input.caller.phone,
      sameCase: input.caseNumber !== null && doc.caseNumber === input.caseNumber,
    }));
    return [...rows.filter((r) => r.open), ...rows.filter((r) => !r.open)].slice(0, 20);
  }
}
