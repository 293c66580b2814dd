import { TEXT_LIMITS } from '@court/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

const NOTE = { message: `备注不能超过${TEXT_LIMITS.note}个字` };

export class FeedbackDto {
  @ApiProperty({ example: '已联系当事人并立案' })
  @IsString({ message: '办理结果应为文本' })
  @IsNotEmpty({ message: '办理结果不能为空' })
  @MaxLength(TEXT_LIMITS.feedbackResult, {
    message: `办理结果不能超过${TEXT_LIMITS.feedbackResult}个字`,
  })
  result!: string;
}

export class RepeatCallDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString({ message: '备注应为文本' })
  @MaxLength(TEXT_LIMITS.note, NOTE)
  note?: string | null;

  @ApiPropertyOptional({ description: '因未及时处理再次来电（第八条，立即逾期）' })
  @IsOptional()
  @IsBoolean({ message: '是否未及时处理应为 true 或 false' })
  notHandledInTime?: boolean;
}

export class NoteDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString({ message: '备注应为文本' })
  @MaxLength(TEXT_LIMITS.note, NOTE)
  note?: string | null;
}

export class CallbackDto {
  @ApiProperty({ description: '是否联系上来电人' })
  @IsBoolean({ message: '是否联系上应为 true 或 false' })
  reached!: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: '是否满意（未联系上时可为空）',
  })
  @IsOptional()
  @IsBoolean({ message: '是否满意应为 true 或 false' })
  satisfied?: boolean | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString({ message: '备注应为文本' })
  @MaxLength(TEXT_LIMITS.note, NOTE)
  note?: string | null;
}

const REASON = { message: `理由不能超过${TEXT_LIMITS.note}个字` };

export class ProgressDto {
  @ApiProperty({ example: '已约谈当事人，正在调取卷宗' })
  @IsString({ message: '进展说明应为文本' })
  @IsNotEmpty({ message: '进展说明不能为空' })
  @MaxLength(TEXT_LIMITS.feedbackResult, {
    message: `进展说明不能超过${TEXT_LIMITS.feedbackResult}个字`,
  })
  note!: string;
}

export class ReturnDto {
  @ApiProperty({ example: '本案不属本庭审理，应由民二庭办理' })
  @IsString({ message: '退回理由应为文本' })
  @IsNotEmpty({ message: '退回理由不能为空' })
  @MaxLength(TEXT_LIMITS.note, REASON)
  reason!: string;
}

export class ReassignDto {
  @ApiProperty({ description: '改派对象（通讯录中承办人的编号）', example: 'judge-civil2' })
  @IsString({ message: '改派对象应为人员编号' })
  @IsNotEmpty({ message: '请选择改派对象' })
  targetId!: string;

  @ApiProperty({ example: '原承办部门退回：不属本部门职责' })
  @IsString({ message: '改派理由应为文本' })
  @IsNotEmpty({ message: '改派理由不能为空' })
  @MaxLength(TEXT_LIMITS.note, REASON)
  reason!: string;
}

export class ExtensionDto {
  @ApiProperty({
    description: '申请延至的反馈期限（ISO 时间，须晚于当前期限）',
    example: '2026-12-10T17:30:00+08:00',
  })
  @IsString({ message: '延期至应为 ISO 时间' })
  @IsNotEmpty({ message: '请填写延期至的时间' })
  until!: string;

  @ApiProperty({ example: '需调取外地卷宗，3日内无法办结' })
  @IsString({ message: '延期理由应为文本' })
  @IsNotEmpty({ message: '延期理由不能为空' })
  @MaxLength(TEXT_LIMITS.note, REASON)
  reason!: string;
}

export class ExtensionDecisionDto {
  @ApiProperty({ description: 'true 同意，false 不同意' })
  @IsBoolean({ message: '是否同意应为 true 或 false' })
  approve!: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString({ message: '审批意见应为文本' })
  @MaxLength(TEXT_LIMITS.note, NOTE)
  note?: string | null;
}
