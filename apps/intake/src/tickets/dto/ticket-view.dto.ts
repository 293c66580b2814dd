import {
  CHANNELS,
  COMPLAINT_CATEGORIES,
  DISPOSITION_ACTIONS,
  EXTENSION_STATUSES,
  RULES,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '@court/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The intake's ticket responses as OpenAPI schemas, so the web UI's types come from the API.
 * `ticket-view.spec.ts` keeps these in step with what `ticket-view.ts` returns.
 */

const NULLABLE_TEXT = { type: String, nullable: true } as const;
const NULLABLE_TIME = { type: String, format: 'date-time', nullable: true } as const;

export class TargetView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['agent', 'handler', 'supervisor', 'leader', 'admin'] }) role!: string;
}

export class RouteView {
  @ApiProperty({ enum: DISPOSITION_ACTIONS }) action!: (typeof DISPOSITION_ACTIONS)[number];
  @ApiProperty({ enum: RULES, description: '第四条第几项，如 4.5' }) rule!: (typeof RULES)[number];
  @ApiProperty({ type: TargetView, nullable: true }) target!: TargetView | null;
  @ApiProperty(NULLABLE_TEXT) departmentId!: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, description: '依据哪一项、为何这样处理（中文）' })
  explanation!: string | null;
}

export class EscalationLevelView {
  @ApiProperty({ description: '1：主管副庭长、庭长；2：主管副院长、院长' }) level!: number;
  @ApiProperty() label!: string;
  @ApiProperty({ type: [TargetView] }) people!: TargetView[];
}

export class DispositionView extends RouteView {
  @ApiProperty() overridden!: boolean;
  @ApiProperty(NULLABLE_TEXT) overrideReason!: string | null;
  @ApiProperty({ type: [RouteView], description: '随类型处理一并适用的第七、八项' })
  alsoRoutes!: RouteView[];
  @ApiProperty({ type: [EscalationLevelView], nullable: true, description: '逐级层报的各级' })
  escalationLadder!: EscalationLevelView[] | null;
}

export class DeadlinesView {
  @ApiProperty({ ...NULLABLE_TIME, description: '派发期限（第五条）' }) dispatchBy!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: '反馈期限（第七条）' }) feedbackBy!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: '催办期限（第八条）' }) reminderBy!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: '通报期限（第八条）' }) bulletinBy!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: '回访期限（第十条）' }) callbackBy!: string | null;
}

export class CallerView {
  @ApiProperty() name!: string;
  @ApiProperty({ description: '按角色脱敏，如 138****8000' }) phone!: string;
}

export class ComplaintView {
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category!: string;
  @ApiProperty() specificClues!: boolean;
}

export class FlagsView {
  @ApiProperty() urgent!: boolean;
  @ApiProperty() abusive!: boolean;
  @ApiProperty() litigationRights!: boolean;
  @ApiProperty() couldNotReachJudge!: boolean;
}

export class FeedbackView {
  @ApiProperty() result!: string;
  @ApiProperty(NULLABLE_TIME) at!: string | null;
  @ApiProperty() by!: string;
}

export class CallbackView {
  @ApiProperty() reached!: boolean;
  @ApiProperty({ type: Boolean, nullable: true }) satisfied!: boolean | null;
  @ApiProperty(NULLABLE_TEXT) note!: string | null;
  @ApiProperty(NULLABLE_TIME) at!: string | null;
  @ApiProperty() by!: string;
}

export class EscalationView {
  @ApiProperty({ description: '当前层报到第几级（从 0 起）' }) level!: number;
  @ApiProperty({ type: [String] }) notified!: string[];
  @ApiProperty(NULLABLE_TEXT) acknowledgedBy!: string | null;
  @ApiProperty(NULLABLE_TIME) acknowledgedAt!: string | null;
  @ApiProperty(NULLABLE_TEXT) note!: string | null;
}

export class RepeatCallView {
  @ApiProperty(NULLABLE_TIME) at!: string | null;
  @ApiProperty(NULLABLE_TEXT) note!: string | null;
  @ApiProperty() notHandledInTime!: boolean;
}

export class ExtensionView {
  @ApiProperty({ enum: EXTENSION_STATUSES }) status!: (typeof EXTENSION_STATUSES)[number];
  @ApiProperty(NULLABLE_TIME) until!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty(NULLABLE_TIME) requestedAt!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: '申请时的反馈期限（不同意或未答复时仍以此为准）' })
  previousFeedbackBy!: string | null;
  @ApiProperty(NULLABLE_TEXT) decidedBy!: string | null;
  @ApiProperty(NULLABLE_TIME) decidedAt!: string | null;
  @ApiProperty(NULLABLE_TEXT) note!: string | null;
}

export class ProgressNoteView {
  @ApiProperty(NULLABLE_TIME) at!: string | null;
  @ApiProperty() by!: string;
  @ApiProperty() note!: string;
}

export class ReturnView {
  @ApiProperty(NULLABLE_TIME) at!: string | null;
  @ApiProperty() by!: string;
  @ApiProperty(NULLABLE_TEXT) departmentId!: string | null;
  @ApiProperty() reason!: string;
}

export class ReassignmentView {
  @ApiProperty(NULLABLE_TIME) at!: string | null;
  @ApiProperty() by!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: TargetView, nullable: true }) from!: TargetView | null;
  @ApiProperty(NULLABLE_TEXT) fromDepartmentId!: string | null;
  @ApiProperty({ type: TargetView }) to!: TargetView;
  @ApiProperty(NULLABLE_TEXT) toDepartmentId!: string | null;
  @ApiProperty({ description: '自前一次派发至改派损失的时间（毫秒）' }) lostMs!: number;
}

export class TimelineEntryView {
  @ApiProperty(NULLABLE_TIME) at!: string | null;
  @ApiProperty({ description: '事件类型，如 created、dispatched、overdue、feedback' })
  kind!: string;
  @ApiProperty({ description: '人员 id，平台自身为 system' }) actor!: string;
  @ApiProperty(NULLABLE_TEXT) note!: string | null;
}

/** What a list row and the full ticket share. */
class TicketSummaryFields {
  @ApiProperty({ example: 'T20261128-0001' }) id!: string;
  @ApiProperty({ example: 'ticket-T20261128-0001' }) workflowId!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty({ enum: TICKET_TYPES }) type!: string;
  @ApiProperty(NULLABLE_TEXT) caseNumber!: string | null;
  @ApiProperty({ type: CallerView }) caller!: CallerView;
  @ApiProperty({ enum: [...TICKET_STATUSES, 'returned'] }) status!: string;
  @ApiProperty() redLight!: boolean;
  @ApiProperty(NULLABLE_TEXT) handlerId!: string | null;
  @ApiProperty(NULLABLE_TEXT) departmentId!: string | null;
  @ApiProperty({ type: DeadlinesView }) deadlines!: DeadlinesView;
  @ApiProperty(NULLABLE_TEXT) loggedBy!: string | null;
  @ApiProperty(NULLABLE_TIME) receivedAt!: string | null;
  @ApiProperty(NULLABLE_TIME) createdAt!: string | null;
  @ApiProperty(NULLABLE_TIME) updatedAt!: string | null;
}

export class ListedDisposition {
  @ApiProperty({ enum: DISPOSITION_ACTIONS }) action!: string;
  @ApiProperty({ enum: RULES }) rule!: string;
  @ApiProperty({ type: TargetView, nullable: true }) target!: TargetView | null;
}

export class TicketListItem extends TicketSummaryFields {
  @ApiProperty({ type: ListedDisposition, nullable: true }) disposition!: ListedDisposition | null;
}

export class TicketList {
  @ApiProperty({ type: [TicketListItem] }) items!: TicketListItem[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

export class TicketDetail extends TicketSummaryFields {
  @ApiProperty({ type: ComplaintView, nullable: true }) complaint!: ComplaintView | null;
  @ApiProperty() content!: string;
  @ApiProperty(NULLABLE_TEXT) answer!: string | null;
  @ApiProperty({ type: FlagsView }) flags!: FlagsView;
  @ApiProperty({ type: DispositionView, nullable: true }) disposition!: DispositionView | null;
  @ApiProperty({ type: FeedbackView, nullable: true }) feedback!: FeedbackView | null;
  @ApiProperty({ type: CallbackView, nullable: true }) callback!: CallbackView | null;
  @ApiProperty() callbackDue!: boolean;
  @ApiProperty({ description: '涉及诉权，重点回访（第十条）' }) keyCallback!: boolean;
  @ApiProperty({ type: EscalationView, nullable: true }) escalation!: EscalationView | null;
  @ApiProperty() reminders!: number;
  @ApiProperty({ type: [RepeatCallView] }) repeatCalls!: RepeatCallView[];
  @ApiProperty({ type: [TimelineEntryView] }) timeline!: TimelineEntryView[];
  @ApiProperty({ ...NULLABLE_TIME, description: '承办人签收时间' }) acceptedAt!: string | null;
  @ApiProperty({ type: ExtensionView, nullable: true, description: '最近一次延期申请' })
  extension!: ExtensionView | null;
  @ApiProperty({ type: [ExtensionView] }) extensions!: ExtensionView[];
  @ApiProperty({ type: [ProgressNoteView] }) progressNotes!: ProgressNoteView[];
  @ApiProperty({ type: [ReturnView] }) returns!: ReturnView[];
  @ApiProperty({ type: [ReassignmentView] }) reassignments!: ReassignmentView[];
  @ApiProperty(NULLABLE_TEXT) voicemailId!: string | null;
  @ApiProperty(NULLABLE_TIME) ringAt!: string | null;
  @ApiProperty(NULLABLE_TIME) answeredAt!: string | null;
}

export class EarlierTicket extends TicketListItem {
  @ApiProperty({ description: '尚未办结' }) open!: boolean;
  @ApiProperty() samePhone!: boolean;
  @ApiProperty() sameCase!: boolean;
}

export class ProposalSuggestion {
  @ApiProperty({ enum: ['could_not_reach_judge'] }) kind!: string;
  @ApiProperty({ enum: RULES }) rule!: string;
  @ApiProperty() message!: string;
  @ApiProperty({
    description: '采纳建议时要设置的标记',
    type: 'object',
    additionalProperties: { type: 'boolean' },
  })
  flags!: Record<string, boolean>;
}

export class TicketProposal {
  @ApiProperty({ type: DispositionView }) disposition!: DispositionView;
  @ApiProperty({ description: '直接答复须填写答复内容' }) answerRequired!: boolean;
  @ApiProperty({ description: '来电人或本案此前有工单' }) repeat!: boolean;
  @ApiProperty({ type: [EarlierTicket], description: '来电人和本案此前的工单，未办结的在前' })
  earlierTickets!: EarlierTicket[];
  @ApiProperty({ type: [ProposalSuggestion] }) suggestions!: ProposalSuggestion[];
}

export class TicketCreated {
  @ApiProperty() id!: string;
  @ApiProperty() workflowId!: string;
  @ApiProperty({ enum: [...TICKET_STATUSES] }) status!: string;
  @ApiProperty() redLight!: boolean;
  @ApiProperty({ type: DispositionView }) disposition!: DispositionView;
  @ApiProperty({ type: DeadlinesView }) deadlines!: DeadlinesView;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt!: string;
  @ApiPropertyOptional(NULLABLE_TEXT) voicemailId!: string | null;
}
