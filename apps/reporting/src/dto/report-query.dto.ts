import { TICKET_STATUSES, TICKET_TYPES } from '@court/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const PERIOD_HINT =
  'ISO 日期（上海时间的整天，如 2026-11-01；to 含当天）或带时区的时间（to 不含）；缺省：不限';

export class PeriodQueryDto {
  @ApiPropertyOptional({ description: `受理时间下限。${PERIOD_HINT}`, example: '2026-11-01' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ description: `受理时间上限。${PERIOD_HINT}`, example: '2026-11-30' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;
}

export const LEDGER_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

export class LedgerQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: TICKET_TYPES, description: '工单类型' })
  @IsOptional()
  @IsIn(TICKET_TYPES)
  type?: string;

  @ApiPropertyOptional({ enum: TICKET_STATUSES, description: '状态' })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: string;

  @ApiPropertyOptional({
    description: '承办部门编号（承办人只能指定本部门或本人负责的部门）',
    example: 'civil',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  departmentId?: string;

  @ApiPropertyOptional({
    enum: LEDGER_FORMATS,
    default: 'json',
    description: 'json（分页）、csv 或 xlsx（全部符合条件的工单，流式导出）',
  })
  @IsOptional()
  @IsIn(LEDGER_FORMATS)
  format?: LedgerFormat;

  @ApiPropertyOptional({ default: 1, minimum: 1, description: '页码（json）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500, description: '每页条数（json）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
