import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { TicketAccess } from './ticket-access.service';
import { TicketCommands } from './ticket-commands.service';
import { TicketCreation } from './ticket-creation.service';
import { TicketIdService } from './ticket-ids.service';
import { TicketLedgerReads } from './ticket-ledger-reads.service';
import { TicketOpening } from './ticket-opening.service';
import { TicketPreparation } from './ticket-preparation.service';
import { TicketProposals } from './ticket-proposals.service';
import { TicketQueries } from './ticket-queries.service';
import { TicketWorkflowStart } from './ticket-workflow-start.service';
import { TicketsController } from './tickets.controller';

@Module({
  imports: [DirectoryModule],
  controllers: [TicketsController],
  providers: [
    TicketProposals,
    TicketPreparation,
    TicketCreation,
    TicketOpening,
    TicketWorkflowStart,
    TicketLedgerReads,
    TicketAccess,
    TicketQueries,
    TicketCommands,
    TicketIdService,
  ],
  exports: [TicketAccess, TicketCommands],
})
export class TicketsModule {}
