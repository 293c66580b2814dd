import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const VOICEMAIL_STATUSES = ['waiting', 'due', 'logged', 'overdue'] as const;

/** `POST /api/voicemails` (the telephony side, or an agent). */
export class CreateVoicemailDto {
  @ApiProperty({ example: '13800138000' })
  @IsString({ message: '来电号码应为文本' })
  @MaxLength(40, { message: '来电号码不能超过40个字' })
  callerPhone!: string;

  @ApiProperty({ example: '2026-11-28T22:10:00+08:00' })
  @IsString({ message: '留言时间应为带时区的ISO 8601时间' })
  @MaxLength(40, { message: '留言时间格式不正确' })
  receivedAt!: string;

  @ApiPropertyOptional({ type: String, example: 'rec/2026/11/28/221000-0001.wav', nullable: true })
  @IsOptional()
  @IsString({ message: '录音编号应为文本' })
  @MaxLength(500, { message: '录音编号不能超过500个字' })
  recordingRef?: string | null;
}

export class ListVoicemailsDto {
  @ApiPropertyOptional({ enum: VOICEMAIL_STATUSES })
  @IsOptional()
  @IsIn(VOICEMAIL_STATUSES, { message: `状态应为 ${VOICEMAIL_STATUSES.join(' | ')} 之一` })
  status?: string;
}
