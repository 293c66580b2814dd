import { CALENDAR_DAY_KINDS } from '@court/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

/** One day of an imported schedule (checked whole by the domain, so errors name `days[i].date`). */
export class CalendarDayDto {
  @ApiProperty({ example: '2027-10-01', description: '日期（YYYY-MM-DD），须在该年内' })
  date!: string;

  @ApiProperty({
    enum: CALENDAR_DAY_KINDS,
    description: 'holiday：节假日（休）；workday：调休上班（班）',
  })
  kind!: (typeof CALENDAR_DAY_KINDS)[number];

  @ApiPropertyOptional({ type: String, nullable: true, example: '国庆节' })
  name?: string | null;
}

/** `PUT /api/calendar/:year` (admin): the year's official schedule. */
export class ImportCalendarDto {
  @ApiProperty({
    type: [CalendarDayDto],
    description: '与“周一至周五上班”不同的日子：全年的节假日和调休上班日，每个日期一次',
  })
  @IsArray({ message: '应为 [{ "date": "YYYY-MM-DD", "kind", "name" }] 的数组' })
  days!: unknown[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '国务院办公厅关于2027年部分节假日安排的通知',
  })
  @IsOptional()
  @IsString({ message: '说明应为文本' })
  @MaxLength(200, { message: '说明不能超过200个字' })
  note?: string | null;
}
