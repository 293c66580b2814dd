import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : value;

export class ListNotificationsQuery {
  @ApiPropertyOptional({
    description:
      '收件人：人员 id，或群组收件箱 group:agent / group:supervisor。缺省为本人及本人角色的群组收件箱',
    example: 'judge01',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  recipientId?: string;

  @ApiPropertyOptional({ description: '只看未读' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ description: '最多条数（1–200，默认 50），最新的在前', default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class StreamNotificationsQuery {
  @ApiPropertyOptional({ description: '同 GET /api/notifications', example: 'judge01' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  recipientId?: string;

  @ApiPropertyOptional({
    description:
      '从此序号之后续传（与请求头 Last-Event-ID 相同，供不能设请求头的客户端使用；回看窗口内的通知可能重复，按通知 id 去重）；缺省且无 Last-Event-ID 时只推送新通知',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  lastEventId?: number;
}

export class NotificationView {
  @ApiProperty({ example: 'T20261128-0001:dispatch:judge01:first' }) id!: string;
  @ApiProperty({ example: 'judge01' }) recipientId!: string;
  @ApiProperty({ nullable: true, type: String, example: 'T20261128-0001' }) ticketId!:
    | string
    | null;
  @ApiProperty({
    example: 'dispatch',
    description:
      'dispatch | warning | red_light | reminder | reminder_late | escalation | escalation_unacknowledged | bulletin | callback_due | voicemail | leadership_report | sms_failed | returned | extension_requested | extension_decided',
  })
  kind!: string;
  @ApiProperty() text!: string;
  @ApiProperty({
    description:
      '序号：存储该通知的进程的混合时钟（毫秒时间戳×1000＋进程内计数），全局唯一、大致按时间递增，SSE 续传以此为准',
    nullable: true,
    type: Number,
  })
  seq!: number | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) readAt!: string | null;
}

export class NotificationList {
  @ApiProperty({ type: [NotificationView] }) items!: NotificationView[];
}

export const SMS_STATUSES = ['queued', 'held', 'sending', 'sent', 'failed', 'unknown'] as const;

export class ListSmsQuery {
  @ApiPropertyOptional({ example: 'T20261128-0001' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  ticketId?: string;

  @ApiPropertyOptional({ example: 'judge01' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  recipientId?: string;

  @ApiPropertyOptional({ enum: SMS_STATUSES })
  @IsOptional()
  @IsIn(SMS_STATUSES)
  status?: (typeof SMS_STATUSES)[number];

  @ApiPropertyOptional({ default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class SmsView {
  @ApiProperty() id!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: '完整号码（仅主管、管理员可见本接口）',
    example: '13800138000',
  })
  to!: string | null;
  @ApiProperty({
    description: '收件人 id；caller 为来电人（转办后的登记回执，号码取自台账）',
    example: 'judge01',
  })
  recipientId!: string;
  @ApiProperty({ nullable: true, type: String }) ticketId!: string | null;
  @ApiProperty() kind!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: SMS_STATUSES }) status!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: '静默时段结束或被服务商暂时拒绝后的重试时间',
  })
  sendAfter!: string | null;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: '失败记录：类别（permanent / transient / in_doubt）、服务商错误码与原文',
  })
  failure!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: '失败或等待重试的原因（中文）',
    example: '短信账户余额不足，请充值',
  })
  reason!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: '服务商最近一次拒绝的错误码',
    example: 'isv.AMOUNT_NOT_ENOUGH',
  })
  providerCode!: string | null;
  @ApiProperty({ description: '被服务商暂时拒绝的次数（SMS_MAX_ATTEMPTS 为上限）', example: 0 })
  attempts!: number;
  @ApiProperty({ nullable: true, type: String, example: 'outbox' }) provider!: string | null;
  @ApiProperty() createdAt!: string;
}

export class SmsList {
  @ApiProperty({ type: [SmsView] }) items!: SmsView[];
}
