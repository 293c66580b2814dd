/** Asks the proposal, stepping back from what the API cannot use yet (see nextAttempt). */
import { ApiError, type FieldError } from '../../api/errors';
import type { Proposal } from '../../api/types';
import { outcomeOf, type ProposalOutcome } from './proposal-outcome';
import { nextAttempt, type ProposalAttempt, type ProposalRequest } from './proposal-request';
import type { TicketBody } from './ticket-body';

export type PostProposal = (body: TicketBody) => Promise<Proposal>;

export async function askProposal(
  request: ProposalRequest,
  post: PostProposal,
): Promise<ProposalOutcome> {
  let attempt: ProposalAttempt | null = request;
  // The first answer's problems are the agent's; later ones come from what was left out.
  let problems: readonly FieldError[] | null = null;
  while (attempt) {
    try {
      const proposal = await post(attempt.body);
      return outcomeOf(request, { attempt, proposal }, problems ?? []);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) throw error;
      problems ??= error.errors;
      attempt = nextAttempt(
        attempt,
        error.errors.map((e) => e.field),
      );
    }
  }
  return outcomeOf(request, null, problems ?? []);
}
