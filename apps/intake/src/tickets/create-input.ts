import {
  type CreateTicketInput,
  type Directory,
  type Disposition,
  decideDisposition,
  parseCreateTicket,
} from '@court/domain';
import { badRequest } from './bad-request';

/** The body of `POST /api/tickets` (and of the proposal) as the domain reads it; 400 otherwise. */
export function checkedCreateInput(body: unknown): CreateTicketInput {
  const parsed = parseCreateTicket(body);
  if (!parsed.ok) throw badRequest(parsed.errors);
  return parsed.value;
}

/** The rule table's disposition for the call; 400 when the input does not allow one. */
export function decidedDisposition(input: CreateTicketInput, directory: Directory): Disposition {
  const decided = decideDisposition(input, directory);
  if (!decided.ok) throw badRequest(decided.errors);
  return decided.value;
}
