import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { intake, unwrap } from '../../api/client';
import type { Proposal } from '../../api/types';
import { askProposal } from './ask-proposal';
import { NO_OUTCOME, type ProposalOutcome } from './proposal-outcome';
import type { ProposalRequest } from './proposal-request';
import { asRequestBody, type TicketBody } from './ticket-body';
import { useSettledRequest } from './useSettledRequest';

function postProposal(body: TicketBody): Promise<Proposal> {
  return unwrap(intake.POST('/api/tickets/proposal', { body: asRequestBody(body) }));
}

export interface ProposalState {
  outcome: ProposalOutcome;
  /** Nothing to show yet: the first answer is on its way. */
  loading: boolean;
  /** What is shown is about to change (typing, or a request in flight). */
  updating: boolean;
  error: unknown;
}

/** The proposal for the form as it is, asked after each pause in typing. */
export function useProposal(request: ProposalRequest | null): ProposalState {
  const settled = useSettledRequest(request);
  const query = useQuery({
    queryKey: ['intake', 'proposal', settled?.key],
    enabled: settled !== null,
    queryFn: () => askProposal(settled!, postProposal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
  if (request === null) {
    return { outcome: NO_OUTCOME, loading: false, updating: false, error: null };
  }
  return {
    outcome: query.data ?? NO_OUTCOME,
    loading: query.data === undefined && (query.isFetching || settled?.key !== request.key),
    updating: query.isFetching || settled?.key !== request.key,
    error: query.error,
  };
}
