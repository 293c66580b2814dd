import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { TicketIdService } from './ticket-ids.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [DirectoryModule],
  controllers: [TicketsController],
  providers: [TicketsService, TicketIdService],
  exports: [TicketsService],
})
export class TicketsModule {}
