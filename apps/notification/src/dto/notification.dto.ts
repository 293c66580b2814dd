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
      '从此序号之后续传（与请求头 Last-Event-ID 相同，供不能设请求头的客户端使用）；缺省且无 Last-Event-ID 时只推送新通知',
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
      'dispatch | warning | red_light | reminder | reminder_late | escalation | bulletin | callback_due | voicemail | leadership_report | sms_failed',
  })
  kind!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ description: '全局递增序号，即 SSE 事件 id', nullable: true, type: Number })
  seq!: number | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) readAt!: string | null;
}

export class NotificationList {
  @ApiProperty({ type: [NotificationView] }) items!: NotificationView[];
}

export const SMS_STATUSES = ['held', 'sending', 'sent', 'failed', 'unknown'] as const;

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
  @ApiProperty() recipientId!: string;
  @ApiProperty({ nullable: true, type: String }) ticketId!: string | null;
  @ApiProperty() kind!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: SMS_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String, description: '静默时段或限流后的发送时间' })
  sendAfter!: string | null;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '失败原因' }) failure!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'outbox' }) provider!: string | null;
  @ApiProperty() createdAt!: string;
}

export class SmsList {
  @ApiProperty({ type: [SmsView] }) items!: SmsView[];
}
