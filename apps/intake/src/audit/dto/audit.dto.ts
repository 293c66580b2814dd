import { AUDIT_ACTIONS } from '@court/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** An ISO date (`2026-12-02`, a Shanghai day) or instant (`2026-12-02T08:00:00Z`). */
const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Query of `GET /api/audit`. Every value is a single string (arrays and objects → 400). */
export class AuditQueryDto {
  @ApiPropertyOptional({ description: '操作人（账号编号）' })
  @IsOptional()
  @IsString({ message: '操作人应为文本' })
  @MaxLength(64, { message: '操作人编号不能超过64个字' })
  actor?: string;

  @ApiPropertyOptional({ description: '工单号，如 T20260301-0001' })
  @IsOptional()
  @IsString({ message: '工单号应为文本' })
  @MaxLength(40, { message: '工单号不能超过40个字' })
  ticketId?: string;

  @ApiPropertyOptional({ description: '时间下限（含）：ISO 日期（上海时间当天零时起）或时间' })
  @IsOptional()
  @IsString({ message: '开始时间应为文本' })
  @Matches(DATE_OR_TIME, { message: '开始时间应为 ISO 日期或时间，如 2026-12-01' })
  from?: string;

  @ApiPropertyOptional({ description: '时间上限：ISO 日期（含当天）或时间（不含）' })
  @IsOptional()
  @IsString({ message: '结束时间应为文本' })
  @Matches(DATE_OR_TIME, { message: '结束时间应为 ISO 日期或时间，如 2026-12-31' })
  to?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码应为正整数' })
  @Min(1, { message: '页码应为正整数' })
  @Max(10_000, { message: '页码不能超过10000' })
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数应为1-200的整数' })
  @Min(1, { message: '每页条数应为1-200的整数' })
  @Max(200, { message: '每页条数应为1-200的整数' })
  limit?: number;
}

export class AuditEntryView {
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty({ description: '操作人（账号编号）' }) actor!: string;
  @ApiProperty({ enum: AUDIT_ACTIONS, description: '操作，见 docs/intake.md「Audit trail」' })
  action!: (typeof AUDIT_ACTIONS)[number];
  @ApiProperty({ type: String, nullable: true }) ticketId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: '其他对象：账号、人员、部门、案号、年份、留言等',
  })
  target!: string | null;
  @ApiProperty({ description: '说明（电话号码一律脱敏）' }) detail!: string;
  @ApiProperty({ type: String, nullable: true, description: '请求编号（X-Request-Id）' })
  requestId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '记录的服务' })
  service!: string | null;
}

export class AuditList {
  @ApiProperty({ type: [AuditEntryView] }) items!: AuditEntryView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}
