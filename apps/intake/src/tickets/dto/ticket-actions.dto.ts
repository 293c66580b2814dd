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
