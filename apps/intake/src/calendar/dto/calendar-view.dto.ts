import { CALENDAR_DAY_KINDS } from '@court/domain';
import { ApiProperty } from '@nestjs/swagger';

/** The court calendar's responses as OpenAPI schemas, so the web UI's types come from the API. */

export class CalendarDayView {
  @ApiProperty({ example: '2026-10-01' }) date!: string;
  @ApiProperty({ enum: CALENDAR_DAY_KINDS }) kind!: (typeof CALENDAR_DAY_KINDS)[number];
  @ApiProperty({ type: String, nullable: true, example: '国庆节' }) name!: string | null;
}

export class CalendarRearmView {
  @ApiProperty({ enum: ['started'], description: '在办工单和待处理留言正按新日历重算期限' })
  status!: 'started';
  @ApiProperty({ description: '法院日历整体版本（calendarChanged 信号所带）' })
  calendarVersion!: number;
}

export class CourtCalendarYear {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({
    enum: ['official', 'provisional'],
    description:
      'official：已有正式安排（随附数据或管理员导入）；provisional：暂定，按周一至周五计算',
  })
  status!: 'official' | 'provisional';
  @ApiProperty({
    description: '该年安排的版本：0 暂定（无数据），1 随附的国务院安排，每次导入加 1',
  })
  version!: number;
  @ApiProperty({ type: [CalendarDayView], description: '与“周一至周五上班”不同的日子' })
  days!: CalendarDayView[];
  @ApiProperty({
    enum: ['import', 'bundled', 'none'],
    description: '来源：管理员导入、随附数据、无',
  })
  source!: 'import' | 'bundled' | 'none';
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) importedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) importedBy!: string | null;
}

/** `PUT` answers the calendar, and that the re-arm of running workflows has started. */
export class ImportedCalendarYear extends CourtCalendarYear {
  @ApiProperty({ type: CalendarRearmView }) rearm!: CalendarRearmView;
}
