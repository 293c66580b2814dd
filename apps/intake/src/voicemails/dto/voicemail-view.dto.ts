import { ApiProperty } from '@nestjs/swagger';

/** The voicemail responses as OpenAPI schemas. */

const NULLABLE_TIME = { type: String, format: 'date-time', nullable: true } as const;

export class VoicemailView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: '列表中脱敏；单条查询为完整号码' }) callerPhone!: string;
  @ApiProperty(NULLABLE_TIME) receivedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) recordingRef!: string | null;
  @ApiProperty({ enum: ['waiting', 'due', 'logged', 'overdue'] }) status!: string;
  @ApiProperty({ ...NULLABLE_TIME, description: '应处理时间' }) dueAt!: string | null;
  @ApiProperty(NULLABLE_TIME) overdueAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) ticketId!: string | null;
  @ApiProperty(NULLABLE_TIME) loggedAt!: string | null;
}

export class VoicemailList {
  @ApiProperty({ type: [VoicemailView] }) items!: VoicemailView[];
  @ApiProperty() total!: number;
}

export class VoicemailCreated {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['waiting'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: '应处理时间（北京时间）' }) dueAtLocal!: string;
}
