import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CreateBulletinDto {
  @ApiPropertyOptional({
    description: '通报期间起点（日期或带时区的时间）；缺省：不限',
    example: '2026-11-16',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({
    description: '通报期间终点（日期含当天，时间不含）；缺省：现在',
    example: '2026-11-22',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;
}

export class BulletinListQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class BulletinFormatQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}

export class FiguresDto {
  @ApiProperty() total!: number;
  @ApiProperty() directAnswered!: number;
  @ApiProperty({ nullable: true, type: Number, description: '直接答复率' })
  directAnswerRate!: number | null;
  @ApiProperty() transferred!: number;
  @ApiProperty({ nullable: true, type: Number, description: '2小时内转办率（第五条）' })
  dispatchedWithin2hRate!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '按时反馈率（第七条）' })
  feedbackOnTimeRate!: number | null;
  @ApiProperty({ description: '逾期件数' }) overdue!: number;
  @ApiProperty({ description: '催办件数' }) reminded!: number;
  @ApiProperty({ description: '通报件数' }) bulletined!: number;
  @ApiProperty() callbacksDue!: number;
  @ApiProperty({ nullable: true, type: Number, description: '回访率（第十条）' })
  callbackRate!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '重点回访率' })
  keyCallbackRate!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '满意率' })
  satisfactionRate!: number | null;
}

export class MetricsDto extends FiguresDto {
  @ApiProperty({ nullable: true, type: Number, description: '10秒内接听率（第一条）' })
  answeredWithin10sRate!: number | null;
  @ApiProperty({ description: '按工单类型：{ type: { label, ...同上各项 } }' })
  byType!: Record<string, unknown>;
  @ApiProperty({ description: '按承办部门：{ departmentId: { name, ... } }' })
  byDepartment!: Record<string, unknown>;
  @ApiProperty({ description: '按承办人：{ handlerId: { name, ... } }' })
  byHandler!: Record<string, unknown>;
  @ApiProperty({
    description:
      '座席员工作量（第二条：只计已登记的工单）：{ agentId: { name, logged, directAnswered, transferred, answeredWithin10sRate } }',
  })
  agentWorkload!: Record<string, unknown>;
  @ApiProperty() computedAt!: string;
}

export class BulletinDto {
  @ApiProperty({ example: 'B202611230900-1a2b3c' }) id!: string;
  @ApiProperty({ enum: ['schedule', 'manual'] }) trigger!: string;
  @ApiProperty({ nullable: true, type: String }) requestedBy!: string | null;
  @ApiProperty({ description: '{ from, to }，to 不含' }) period!: Record<string, unknown>;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: MetricsDto, description: '期间内受理工单的各项指标' })
  figures!: MetricsDto;
  @ApiProperty({ description: '期间内被列入通报的工单', isArray: true })
  bulletined!: unknown[];
  @ApiProperty({ description: '期间内逾期的工单', isArray: true }) overdue!: unknown[];
  @ApiProperty({ isArray: true }) byDepartment!: unknown[];
  @ApiProperty({ isArray: true }) byHandler!: unknown[];
  @ApiProperty() counts!: Record<string, number>;
  @ApiProperty() truncated!: boolean;
  @ApiProperty({ type: [String] }) announcedTo!: string[];
}
