import type { Principal } from '@court/auth';
import type { TicketLedgerDoc, TicketSearchCriteria } from '@court/database';
import { ForbiddenException, Injectable } from '@nestjs/common';
import { DirectoryService } from '../directory/directory.service';
import { TicketLedgerReads } from './ticket-ledger-reads.service';
import { seesAllTickets } from './ticket-roles';

/** Who may read which ticket: one ticket (403) and the scope of a search. */
@Injectable()
export class TicketAccess {
  constructor(
    private readonly directory: DirectoryService,
    private readonly ledger: TicketLedgerReads,
  ) {}

  /** The ledger row of a ticket this person may read (404 unknown, 403 not theirs). */
  async readableTicket(id: string, user: Principal): Promise<TicketLedgerDoc> {
    const doc = await this.ledger.row(id);
    await this.assertMayRead(doc, user);
    return doc;
  }

  /** The tickets a search may list to this person; null when they see every ticket. */
  async searchScope(user: Principal): Promise<TicketSearchCriteria['readableBy'] | null> {
    if (seesAllTickets(user)) return null;
    return { handlerId: user.id, departmentIds: await this.departmentsHeadedBy(user) };
  }

  private async assertMayRead(doc: TicketLedgerDoc, user: Principal): Promise<void> {
    if (seesAllTickets(user)) return;
    if (doc.handlerId === user.id) return;
    const headed = await this.departmentsHeadedBy(user);
    if (doc.departmentId && headed.includes(doc.departmentId)) return;
    throw new ForbiddenException('无权查看该工单：仅限转办给本人或本部门的工单');
  }

  private async departmentsHeadedBy(user: Principal): Promise<string[]> {
    const directory = await this.directory.current();
    return directory
      .departments()
      .filter((d) => d.headId === user.id)
      .map((d) => d.id);
  }
}
