import { TICKET_STATUSES, TICKET_TYPES } from '@court/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Query of `GET /api/tickets`. Every value is a single string (arrays and objects → 400). */
const STATUS_LIST = new RegExp(
  `^(${TICKET_STATUSES.join('|')})(,(${TICKET_STATUSES.join('|')}))*$`,
);

export class SearchTicketsDto {
  @ApiPropertyOptional({
    description: `状态，可用逗号列出多个（任一即可），如 dispatched,overdue：${TICKET_STATUSES.join(' | ')}`,
    example: 'dispatched,overdue',
  })
  @IsOptional()
  @Matches(STATUS_LIST, {
    message: `状态应为 ${TICKET_STATUSES.join(' | ')} 之一（多个用逗号分隔）`,
  })
  status?: string;

  @ApiPropertyOptional({
    description: '关键词：在工单号、来电人、案号、来电内容、答复内容和办理结果中查找',
  })
  @IsOptional()
  @IsString({ message: '关键词应为文本' })
  @MaxLength(100, { message: '关键词不能超过100个字' })
  q?: string;

  @ApiPropertyOptional({ enum: TICKET_TYPES })
  @IsOptional()
  @IsIn(TICKET_TYPES, { message: `工单类型应为 ${TICKET_TYPES.join(' | ')} 之一` })
  type?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '红灯应为 true 或 false' })
  redLight?: string;

  @ApiPropertyOptional({ description: '承办人编号' })
  @IsOptional()
  @IsString({ message: '承办人应为文本' })
  @MaxLength(64, { message: '承办人编号不能超过64个字' })
  targetId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '部门应为文本' })
  @MaxLength(64, { message: '部门编号不能超过64个字' })
  departmentId?: string;

  @ApiPropertyOptional({ description: '来电人电话（任意写法，按规范形式匹配）' })
  @IsOptional()
  @IsString({ message: '电话应为文本' })
  @MaxLength(40, { message: '电话不能超过40个字' })
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '案号应为文本' })
  @MaxLength(64, { message: '案号不能超过64个字' })
  caseNumber?: string;

  @ApiPropertyOptional({ description: '受理时间下限（ISO 日期或时间）' })
  @IsOptional()
  @IsString({ message: '起始时间应为文本' })
  @MaxLength(40, { message: '起始时间格式不正确' })
  from?: string;

  @ApiPropertyOptional({ description: '受理时间上限（ISO 日期或时间；日期含当天）' })
  @IsOptional()
  @IsString({ message: '截止时间应为文本' })
  @MaxLength(40, { message: '截止时间格式不正确' })
  to?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码应为正整数' })
  @Min(1, { message: '页码应为正整数' })
  @Max(100_000, { message: '页码过大' })
  page?: number;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数应为1-100的整数' })
  @Min(1, { message: '每页条数应为1-100的整数' })
  @Max(100, { message: '每页条数应为1-100的整数' })
  limit?: number;
}
