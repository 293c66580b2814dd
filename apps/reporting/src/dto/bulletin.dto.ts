import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
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

const NULLABLE_RATE = { type: Number, nullable: true } as const;
const NULLABLE_TEXT = { type: String, nullable: true } as const;
const NULLABLE_TIME = { type: String, format: 'date-time', nullable: true } as const;
const TIME = { type: String, format: 'date-time' } as const;

/** Rates are numbers in [0, 1], or null when nothing was counted. */
export class FiguresDto {
  @ApiProperty({ description: '受理工单件数' }) total!: number;
  @ApiProperty() directAnswered!: number;
  @ApiProperty({ ...NULLABLE_RATE, description: '直接答复率' })
  directAnswerRate!: number | null;
  @ApiProperty() transferred!: number;
  @ApiProperty({ ...NULLABLE_RATE, description: '2小时内转办率（第五条）' })
  dispatchedWithin2hRate!: number | null;
  @ApiProperty({ ...NULLABLE_RATE, description: '按时反馈率（第七条）' })
  feedbackOnTimeRate!: number | null;
  @ApiProperty({ description: '逾期件数' }) overdue!: number;
  @ApiProperty({ description: '催办件数' }) reminded!: number;
  @ApiProperty({ description: '通报件数' }) bulletined!: number;
  @ApiProperty() callbacksDue!: number;
  @ApiProperty({ ...NULLABLE_RATE, description: '回访率（第十条）' })
  callbackRate!: number | null;
  @ApiProperty({ ...NULLABLE_RATE, description: '重点回访率' })
  keyCallbackRate!: number | null;
  @ApiProperty({ ...NULLABLE_RATE, description: '满意率' })
  satisfactionRate!: number | null;
}

export class TypeFiguresDto extends FiguresDto {
  @ApiProperty({ description: '工单类型名称' }) label!: string;
}

/** The figures of one department or handler. */
export class NamedFiguresDto extends FiguresDto {
  @ApiProperty({ description: '部门或承办人姓名' }) name!: string;
}

export class AgentWorkloadDto {
  @ApiProperty() name!: string;
  @ApiProperty({ description: '登记的工单件数（第二条：只计已登记的工单）' }) logged!: number;
  @ApiProperty() directAnswered!: number;
  @ApiProperty() transferred!: number;
  @ApiProperty({ ...NULLABLE_RATE, description: '10秒内接听率（第一条）' })
  answeredWithin10sRate!: number | null;
}

export class ReportPeriodDto {
  @ApiProperty({ ...NULLABLE_TIME, description: '起点；null：不限' }) from!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: '终点（不含）；null：不限' }) to!: string | null;
}

const recordOf = (model: abstract new () => unknown, description: string) =>
  ({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(model) },
    description,
  }) as const;

/** 延期: requests made for the period's tickets, and their decisions. */
export class ExtensionFiguresDto {
  @ApiProperty({ description: '申请延期次数（含待审批、已同意、未同意、逾期未答复）' })
  requested!: number;
  @ApiProperty({ description: '同意延期次数' }) approved!: number;
  @ApiProperty({ description: '不同意延期次数' }) refused!: number;
}

@ApiExtraModels(TypeFiguresDto, NamedFiguresDto, AgentWorkloadDto)
export class MetricsDto extends FiguresDto {
  @ApiProperty({ type: ReportPeriodDto }) period!: ReportPeriodDto;
  @ApiProperty({ ...NULLABLE_RATE, description: '10秒内接听率（第一条）' })
  answeredWithin10sRate!: number | null;
  @ApiProperty(recordOf(TypeFiguresDto, '按工单类型，键为类型'))
  byType!: Record<string, TypeFiguresDto>;
  @ApiProperty(recordOf(NamedFiguresDto, '按承办部门，键为部门 id'))
  byDepartment!: Record<string, NamedFiguresDto>;
  @ApiProperty(recordOf(NamedFiguresDto, '按承办人，键为人员 id'))
  byHandler!: Record<string, NamedFiguresDto>;
  @ApiProperty(recordOf(AgentWorkloadDto, '座席员工作量，键为座席员 id'))
  agentWorkload!: Record<string, AgentWorkloadDto>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: '退回次数，按退回的部门（退回时工单所在部门），键为部门 id；期间内受理的工单',
    example: { civil: 2, filing: 1 },
  })
  returnsByDepartment!: Record<string, number>;
  @ApiProperty({ description: '被改派过的工单件数（期间内受理的工单）' })
  reassigned!: number;
  @ApiProperty({ type: ExtensionFiguresDto, description: '延期申请及审批（期间内受理的工单）' })
  extensions!: ExtensionFiguresDto;
  @ApiProperty({ ...TIME, description: '计算时间：此时仍未到期的期限不计入比率' })
  computedAt!: string;
}

export class BulletinPeriodDto {
  @ApiProperty({ ...NULLABLE_TIME, description: '起点；null：不限' }) from!: string | null;
  @ApiProperty({ ...TIME, description: '终点（不含）' }) to!: string;
}

export class BulletinCountsDto {
  @ApiProperty({ description: '被列入通报的工单件数（准确数字，不受清单截断影响）' })
  bulletined!: number;
  @ApiProperty({ description: '逾期的工单件数（同上）' }) overdue!: number;
}

export class BulletinSummaryDto {
  @ApiProperty({ example: 'B202611230900-1a2b3c' }) id!: string;
  @ApiProperty({
    enum: ['schedule', 'manual'],
    description: 'schedule：定期生成；manual：手动生成',
  })
  trigger!: 'schedule' | 'manual';
  @ApiProperty({ ...NULLABLE_TEXT, description: '手动生成者的人员 id' }) requestedBy!:
    | string
    | null;
  @ApiProperty({ type: BulletinPeriodDto }) period!: BulletinPeriodDto;
  @ApiProperty(TIME) createdAt!: string;
  @ApiProperty({
    type: BulletinCountsDto,
    description: '承办人只计本人可见的部分（转办给本人的，部门负责人另加所负责部门的）',
  })
  counts!: BulletinCountsDto;
  @ApiProperty({ ...NULLABLE_TIME, description: '通知发出时间；null：尚未通知' })
  announcedAt!: string | null;
}

export class BulletinListDto {
  @ApiProperty({ type: [BulletinSummaryDto] }) items!: BulletinSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

/** One ticket a bulletin names: no caller details. */
export class BulletinEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: '工单类型，如 case_inquiry' }) type!: string;
  @ApiProperty() typeLabel!: string;
  @ApiProperty({ description: '生成通报时的工单状态，如 overdue' }) status!: string;
  @ApiProperty(NULLABLE_TEXT) departmentId!: string | null;
  @ApiProperty(NULLABLE_TEXT) departmentName!: string | null;
  @ApiProperty(NULLABLE_TEXT) handlerId!: string | null;
  @ApiProperty(NULLABLE_TEXT) handlerName!: string | null;
  @ApiProperty(NULLABLE_TIME) receivedAt!: string | null;
  @ApiProperty(NULLABLE_TIME) dispatchedAt!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: '反馈期限' }) feedbackBy!: string | null;
  @ApiProperty(NULLABLE_TIME) overdueAt!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: '最近一次催办' }) remindedAt!: string | null;
  @ApiProperty({ description: '催办次数' }) reminders!: number;
  @ApiProperty(NULLABLE_TIME) bulletinedAt!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: 'null：未反馈' }) feedbackAt!: string | null;
}

/** The listed tickets of one department, by id. */
export class BulletinGroupDto {
  @ApiProperty({ ...NULLABLE_TEXT, description: '部门或承办人 id；null：未分配' })
  id!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String], description: '被列入通报的工单编号' }) bulletined!: string[];
  @ApiProperty({ type: [String], description: '逾期的工单编号' }) overdue!: string[];
}

export class BulletinHandlerGroupDto extends BulletinGroupDto {
  @ApiPropertyOptional({ ...NULLABLE_TEXT, description: '承办人所在部门' })
  departmentId?: string | null;
}

@ApiExtraModels(MetricsDto, NamedFiguresDto)
export class BulletinDto extends BulletinSummaryDto {
  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(MetricsDto) }, { $ref: getSchemaPath(NamedFiguresDto) }],
    nullable: true,
    description:
      '期间内受理工单的各项指标；承办人（非部门负责人）：转办给本人的工单的指标；负责一个部门的部门负责人：该部门的指标；负责多个部门时为 null；无工单时为 null',
  })
  figures!: MetricsDto | NamedFiguresDto | null;
  @ApiProperty({ type: [BulletinEntryDto], description: '期间内被列入通报的工单' })
  bulletined!: BulletinEntryDto[];
  @ApiProperty({ type: [BulletinEntryDto], description: '期间内逾期的工单' })
  overdue!: BulletinEntryDto[];
  @ApiProperty({ type: [BulletinGroupDto], description: '按承办部门' })
  byDepartment!: BulletinGroupDto[];
  @ApiProperty({ type: [BulletinHandlerGroupDto], description: '按承办人' })
  byHandler!: BulletinHandlerGroupDto[];
  @ApiProperty({ description: '工单过多，清单只列出一部分（件数仍准确）' }) truncated!: boolean;
  @ApiProperty({ type: [String], description: '已通知的人员 id 或组（如 group:supervisor）' })
  announcedTo!: string[];
}
