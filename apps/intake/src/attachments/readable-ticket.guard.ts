import type { Principal } from '@court/auth';
import type { TicketLedgerDoc } from '@court/database';
import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { TicketAccess } from '../tickets/ticket-access.service';

const READABLE_TICKET = Symbol('readableTicket');

interface WithTicket {
  params: Record<string, string | undefined>;
  user?: Principal;
  [READABLE_TICKET]?: TicketLedgerDoc;
}

/**
 * `:id` must be a ticket the signed-in person may read (`TicketAccess.readableTicket`:
 * 404 unknown, 403 not theirs). A guard, so that it is decided before an upload's body is
 * read; the ticket is handed on to `@ReadableTicket()`.
 */
@Injectable()
export class ReadableTicketGuard implements CanActivate {
  constructor(private readonly access: TicketAccess) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WithTicket>();
    if (!request.user) throw new UnauthorizedException('请先登录');
    request[READABLE_TICKET] = await this.access.readableTicket(
      request.params.id ?? '',
      request.user,
    );
    return true;
  }
}

/** The ticket `ReadableTicketGuard` let through (its ledger row). */
export const ReadableTicket = createParamDecorator(
  (_: unknown, context: ExecutionContext): TicketLedgerDoc => {
    const ticket = context.switchToHttp().getRequest<WithTicket>()[READABLE_TICKET];
    if (!ticket) throw new Error('ReadableTicket used without ReadableTicketGuard');
    return ticket;
  },
);
