import { ApiDeclaredBody } from '@court/common';
import {
  CREATE_TICKET_BODY,
  type CreateTicketInput,
  type Directory,
  type Disposition,
  decideDisposition,
  openApiSchemaOf,
  parseCreateTicket,
} from '@court/domain';
import { badRequest } from './bad-request';

const CREATE_TICKET_OPENAPI = openApiSchemaOf(CREATE_TICKET_BODY);

/**
 * Documents a route's body as the domain's create-ticket declaration, which `checkedCreateInput`
 * enforces; the component keeps the name the web UI's generated types use.
 */
export const ApiCreateTicketBody = (): MethodDecorator =>
  ApiDeclaredBody('CreateTicketDto', CREATE_TICKET_OPENAPI);

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
