import { CHANNELS, COMPLAINT_CATEGORIES, DISPOSITION_ACTIONS, TICKET_TYPES } from '@court/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';

/**
 * The HTTP shape of `POST /api/tickets` and `/proposal`: types only (a string where a string
 * belongs, so `{"$gt": ""}` is refused; no unknown fields). What is required, formats and the
 * rules of Article 2–4 are the domain's `parseCreateTicket`, which names each field.
 */
const TEXT = (label: string) => ({ message: `${label}应为文本` });
const BOOL = (label: string) => ({ message: `${label}应为 true 或 false` });
const OBJECT = (label: string) => ({ message: `${label}应为对象` });

export class CallerDto {
  @ApiProperty({ example: '张三' })
  @IsOptional()
  @IsString(TEXT('来电人姓名'))
  name?: string;

  @ApiProperty({ example: '13800138000', description: '大陆手机号或固定电话' })
  @IsOptional()
  @IsString(TEXT('联系电话'))
  phone?: string;
}

export class ComplaintDto {
  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  @IsOptional()
  @IsString(TEXT('投诉类别'))
  category?: string;

  @ApiPropertyOptional({ description: '线索是否明确具体（第四条第六项）' })
  @IsOptional()
  @IsBoolean(BOOL('线索是否明确具体'))
  specificClues?: boolean;
}

export class FlagsDto {
  @ApiPropertyOptional({ description: '过激言行或情况紧急（4.8）' })
  @IsOptional()
  @IsBoolean(BOOL('标记'))
  urgent?: boolean;

  @ApiPropertyOptional({ description: '辱骂或骚扰（4.7）' })
  @IsOptional()
  @IsBoolean(BOOL('标记'))
  abusive?: boolean;

  @ApiPropertyOptional({ description: '涉及诉权（第十条重点回访）' })
  @IsOptional()
  @IsBoolean(BOOL('标记'))
  litigationRights?: boolean;

  @ApiPropertyOptional({ description: '联系不上承办法官再次来电（4.2）' })
  @IsOptional()
  @IsBoolean(BOOL('标记'))
  couldNotReachJudge?: boolean;
}

export class OverrideDto {
  @ApiProperty({ enum: DISPOSITION_ACTIONS })
  @IsOptional()
  @IsString(TEXT('处理方式'))
  action?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'head-civil' })
  @IsOptional()
  @IsString(TEXT('承办人'))
  targetId?: string | null;

  @ApiProperty({ example: '来电人要求转庭领导' })
  @IsOptional()
  @IsString(TEXT('改变理由'))
  reason?: string;
}

export class CreateTicketDto {
  @ApiPropertyOptional({ enum: CHANNELS, default: 'phone' })
  @IsOptional()
  @IsString(TEXT('来电渠道'))
  channel?: string;

  @ApiProperty({ type: CallerDto })
  @IsOptional()
  @IsObject(OBJECT('来电人信息'))
  @ValidateNested()
  @Type(() => CallerDto)
  caller?: CallerDto;

  @ApiProperty({ enum: TICKET_TYPES })
  @IsOptional()
  @IsString(TEXT('工单类型'))
  type?: string;

  @ApiPropertyOptional({ type: ComplaintDto, nullable: true })
  @IsOptional()
  @IsObject(OBJECT('投诉类别'))
  @ValidateNested()
  @Type(() => ComplaintDto)
  complaint?: ComplaintDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '(2026)豫0782民初1号' })
  @IsOptional()
  @IsString(TEXT('案号'))
  caseNumber?: string | null;

  @ApiProperty({ example: '反映立案庭拖延立案' })
  @IsOptional()
  @IsString(TEXT('反映事项内容'))
  content?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '直接答复时必填' })
  @IsOptional()
  @IsString(TEXT('答复内容'))
  answer?: string | null;

  @ApiPropertyOptional({ type: FlagsDto })
  @IsOptional()
  @IsObject(OBJECT('标记'))
  @ValidateNested()
  @Type(() => FlagsDto)
  flags?: FlagsDto;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-11-28T09:00:00+08:00' })
  @IsOptional()
  @IsString(TEXT('来电振铃时间'))
  ringAt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-11-28T09:00:06+08:00' })
  @IsOptional()
  @IsString(TEXT('接听时间'))
  answeredAt?: string | null;

  @ApiPropertyOptional({ type: OverrideDto, nullable: true })
  @IsOptional()
  @IsObject(OBJECT('改变处理方式'))
  @ValidateNested()
  @Type(() => OverrideDto)
  override?: OverrideDto | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '登记留言时（channel=voicemail）',
  })
  @IsOptional()
  @IsString(TEXT('留言编号'))
  voicemailId?: string | null;
}
