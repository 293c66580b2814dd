import { TICKET_TYPES } from '@court/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `GET /api/reports/unaccepted`: 转办后未按时签收的工单. Times are Shanghai time (+08:00). */
export class UnacceptedQueryDto {
  @ApiPropertyOptional({
    default: 100,
    minimum: 1,
    maximum: 500,
    description: '最多列出的工单件数（total 仍为全部件数）',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class UnacceptedTicketDto {
  @ApiProperty({ example: 'T20261128-0001' }) id!: string;
  @ApiProperty({ enum: TICKET_TYPES, description: '工单类型' }) type!: string;
  @ApiProperty({ type: String, nullable: true, description: '承办人 id' })
  handlerId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '承办部门 id' })
  departmentId!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: '转办时间（改派过的，为最近一次改派的时间）',
  })
  dispatchedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '应签收时间（已过）' })
  acceptBy!: string;
}

export class UnacceptedListDto {
  @ApiProperty({
    type: [UnacceptedTicketDto],
    description: '超过签收时限仍未签收的在办转办件，超时最久的在前',
  })
  items!: UnacceptedTicketDto[];
  @ApiProperty({ description: '全部件数（不受 limit 限制）' }) total!: number;
  @ApiProperty({
    description: '签收时限（ACCEPT_WITHIN），如 2h：2个工作小时；1wd：1个工作日',
    example: '2h',
  })
  acceptWithin!: string;
}
