import {
  CHANNELS,
  DISPOSITION_ACTIONS,
  EXTENSION_STATUSES,
  RULES,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '@court/domain';
import { ApiProperty } from '@nestjs/swagger';

/**
 * The JSON ledger (台账) of `GET /api/reports/ledger?format=json` as OpenAPI schemas, so the
 * web UI's types come from the API. `ledger.dto.spec.ts` keeps these in step with `ledgerItem`.
 * Times are Shanghai time with its offset (+08:00).
 */

const NULLABLE_TEXT = { type: String, nullable: true } as const;
const NULLABLE_TIME = { type: String, format: 'date-time', nullable: true } as const;

export class LedgerCallerDto {
  @ApiProperty() name!: string;
  @ApiProperty({ ...NULLABLE_TEXT, description: '脱敏，如 138****8000' }) phone!: string | null;
}

export class LedgerTargetDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: '人员角色，如 handler、leader' }) role!: string;
}

export class LedgerDispositionDto {
  @ApiProperty({ enum: DISPOSITION_ACTIONS }) action!: string;
  @ApiProperty({ description: '处理方式名称，如 转办' }) actionLabel!: string;
  @ApiProperty({ enum: RULES, nullable: true, description: '第四条第几项，如 4.5' })
  rule!: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, description: '条款名称，如 第四条第五项' })
  ruleName!: string | null;
  @ApiProperty({ type: LedgerTargetDto, nullable: true }) target!: LedgerTargetDto | null;
}

/** A person or a department: id and name. */
export class LedgerNamedDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class LedgerFeedbackDto {
  @ApiProperty(NULLABLE_TIME) at!: string | null;
  @ApiProperty({ description: '反馈结果' }) result!: string;
}

export class LedgerCallbackDto {
  @ApiProperty(NULLABLE_TIME) at!: string | null;
  @ApiProperty({ description: '是否联系上来电人' }) reached!: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: '是否满意；null：未表态' })
  satisfied!: boolean | null;
}

/** 改派: one new route of the ticket. */
export class LedgerReassignmentDto {
  @ApiProperty({ ...NULLABLE_TIME, description: '改派时间' }) at!: string | null;
  @ApiProperty({ type: LedgerNamedDto, nullable: true, description: '原承办人；null：未指派' })
  from!: LedgerNamedDto | null;
  @ApiProperty({ type: LedgerNamedDto, description: '新承办人' }) to!: LedgerNamedDto;
  @ApiProperty({ description: '改派理由' }) reason!: string;
}

/** 延期: the latest request and its decision. */
export class LedgerExtensionDto {
  @ApiProperty({
    enum: EXTENSION_STATUSES,
    description: 'pending 待审批，approved 已同意，refused 未同意，expired 未获答复',
  })
  status!: string;
  @ApiProperty({ ...NULLABLE_TIME, description: '申请延至' }) until!: string | null;
  @ApiProperty({ description: '申请理由' }) reason!: string;
  @ApiProperty({ ...NULLABLE_TIME, description: '申请时间' }) requestedAt!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: '审批时间；null：尚未审批' })
  decidedAt!: string | null;
}

export class LedgerRowDto {
  @ApiProperty({ example: 'T20261128-0001' }) id!: string;
  @ApiProperty(NULLABLE_TIME) receivedAt!: string | null;
  @ApiProperty({ enum: TICKET_TYPES, nullable: true }) type!: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, description: '工单类型名称' }) typeLabel!: string | null;
  @ApiProperty({ enum: CHANNELS, nullable: true }) channel!: string | null;
  @ApiProperty({ type: LedgerCallerDto, nullable: true }) caller!: LedgerCallerDto | null;
  @ApiProperty(NULLABLE_TEXT) caseNumber!: string | null;
  @ApiProperty({ description: '来电内容摘要（前 60 个字）' }) contentSummary!: string;
  @ApiProperty({
    type: LedgerDispositionDto,
    nullable: true,
    description: 'null：尚未确定处理方式',
  })
  disposition!: LedgerDispositionDto | null;
  @ApiProperty({ type: LedgerNamedDto, nullable: true, description: '承办人' })
  handler!: LedgerNamedDto | null;
  @ApiProperty({ type: LedgerNamedDto, nullable: true, description: '承办部门' })
  department!: LedgerNamedDto | null;
  @ApiProperty({ enum: TICKET_STATUSES, nullable: true }) status!: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, description: '状态名称' }) statusLabel!: string | null;
  @ApiProperty({ description: '亮红灯（逾期）' }) redLight!: boolean;
  @ApiProperty({ ...NULLABLE_TIME, description: '转办时间' }) dispatchedAt!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: '反馈期限' }) feedbackBy!: string | null;
  @ApiProperty({ type: LedgerFeedbackDto, nullable: true, description: 'null：未反馈' })
  feedback!: LedgerFeedbackDto | null;
  @ApiProperty({ ...NULLABLE_TIME, description: '逾期时间' }) overdueAt!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: '最近一次催办' }) remindedAt!: string | null;
  @ApiProperty({ description: '催办次数' }) reminders!: number;
  @ApiProperty({ ...NULLABLE_TIME, description: '通报时间' }) bulletinedAt!: string | null;
  @ApiProperty({ type: LedgerCallbackDto, nullable: true, description: 'null：尚未回访' })
  callback!: LedgerCallbackDto | null;
  @ApiProperty({ description: '回访结果，如 已回访，满意、待回访、无需回访' })
  callbackResult!: string;
  @ApiProperty({ ...NULLABLE_TEXT, description: '登记的座席员 id' }) loggedBy!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: '来电振铃时间（第一条）' }) ringAt!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: '接听时间（第一条）' }) answeredAt!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: '签收时间；null：尚未签收或无需签收' })
  acceptedAt!: string | null;
  @ApiProperty({ description: '退回次数' }) returnCount!: number;
  @ApiProperty({ type: [LedgerReassignmentDto], description: '改派记录，按时间先后' })
  reassignments!: LedgerReassignmentDto[];
  @ApiProperty({ description: '改派记录（导出文本），如 张三→李四（理由）；无改派时为空' })
  reassignmentText!: string;
  @ApiProperty({
    type: LedgerExtensionDto,
    nullable: true,
    description: '最近一次延期申请；null：未申请',
  })
  extension!: LedgerExtensionDto | null;
  @ApiProperty({ description: '延期（导出文本），如 已同意至12月10日17:30；未申请时为空' })
  extensionText!: string;
}

export class LedgerPageDto {
  @ApiProperty({ type: [LedgerRowDto] }) items!: LedgerRowDto[];
  @ApiProperty({ description: '符合筛选条件的工单总数' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}
