import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { CalendarRearmService } from './calendar-rearm.service';

/** The court calendar by year, its imports, and the re-arm of running deadlines after one. */
@Module({
  controllers: [CalendarController],
  providers: [CalendarService, CalendarRearmService],
  exports: [CalendarService, CalendarRearmService],
})
export class CalendarModule {}
