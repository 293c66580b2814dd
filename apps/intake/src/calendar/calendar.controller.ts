import { CurrentUser, type Principal, Roles } from '@court/auth';
import { Audited, type AuditSource, AuditTrail } from '@court/database';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CalendarService } from './calendar.service';
import { ImportCalendarDto } from './dto/calendar.dto';
import { CourtCalendarYear, ImportedCalendarYear } from './dto/calendar-view.dto';

/** The court calendar: everyone signed in may read a year; admins import official schedules. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly audit: AuditTrail,
  ) {}

  @Get(':year')
  @Roles('agent', 'handler', 'supervisor', 'leader', 'admin')
  @ApiOperation({ summary: '某年的法院日历：节假日和调休上班日；未导入正式安排的年份为暂定' })
  @ApiOkResponse({ type: CourtCalendarYear })
  year(@Param('year') year: string): Promise<CourtCalendarYear> {
    return this.calendar.year(year);
  }

  @Put(':year')
  @Roles('admin')
  @ApiOperation({
    summary: '导入某年的正式放假安排（管理员）：版本加 1，在办工单和待处理留言按新日历重算期限',
  })
  @ApiOkResponse({ type: ImportedCalendarYear })
  @ApiBadRequestResponse({ description: '日期不在该年、日期重复、类别未知等，errors 逐项指明' })
  async import(
    @Param('year') year: string,
    @Body() body: ImportCalendarDto,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
  ): Promise<ImportedCalendarYear> {
    const imported = await this.calendar.import(year, body, user);
    await this.audit.changed(by, {
      action: 'calendar.import',
      target: year,
      detail: `导入 ${year} 年放假安排（${body.days?.length ?? 0} 天）`,
    });
    return imported;
  }
}
