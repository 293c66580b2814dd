/**
 * The `/api/tickets` routes of API.md. Longer than our ~300 lines on purpose: it is one route
 * table — each handler only states its route, roles and OpenAPI text and hands over to a
 * service (creation, proposals, queries, commands) — and keeping it whole keeps the ticket
 * API readable in one place.
 */
import { CurrentUser, type Principal, Roles } from '@court/auth';
import { Audited, type AuditSource, AuditTrail } from '@court/database';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { checkedIdempotencyKey } from '../idempotency/idempotency-key';
import { ApiCreateTicketBody } from './create-input';
import { SearchTicketsDto } from './dto/search-tickets.dto';
import {
  CallbackDto,
  ExtensionDecisionDto,
  ExtensionDto,
  FeedbackDto,
  NoteDto,
  ProgressDto,
  ReassignDto,
  RepeatCallDto,
  ReturnDto,
} from './dto/ticket-actions.dto';
import { TicketCreated, TicketDetail, TicketList, TicketProposal } from './dto/ticket-view.dto';
import { auditedPhoneRead } from './phone-read-audit';
import { TicketCommands } from './ticket-commands.service';
import { TicketCreation } from './ticket-creation.service';
import { TicketProposals } from './ticket-proposals.service';
import { TicketQueries } from './ticket-queries.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/tickets')
export class TicketsController {
  constructor(
    private readonly creation: TicketCreation,
    private readonly proposals: TicketProposals,
    private readonly queries: TicketQueries,
    private readonly commands: TicketCommands,
    private readonly audit: AuditTrail,
  ) {}

  /** The detail as answered, its full phone number audited (`auditedPhoneRead`). */
  private shown(by: AuditSource, detail: TicketDetail, after?: string): Promise<TicketDetail> {
    return auditedPhoneRead(this.audit, by, detail, after);
  }

  @Post()
  @Roles('agent')
  @ApiOperation({ summary: '登记来电工单（每电必登），按第四条分类处理并启动工单流程' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreateTicketBody()
  @ApiCreatedResponse({ type: TicketCreated })
  async create(
    // `unknown`: the global ValidationPipe leaves it alone; the domain reads it (create-input.ts).
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
    @Headers('idempotency-key') key?: string,
  ): Promise<TicketCreated> {
    const result = await this.creation.create(body, user, checkedIdempotencyKey(key));
    if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
    const d = result.body.disposition;
    if (!result.replayed && d.overridden) {
      await this.audit.changed(by, {
        action: 'ticket.override',
        ticketId: result.body.id,
        target: d.target?.id ?? d.departmentId ?? null,
        detail: `改判处理方式为 ${d.action}（${d.rule}）；理由：${d.overrideReason ?? '—'}`,
      });
    }
    response.status(201);
    return result.body;
  }

  @Post('proposal')
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({ summary: '按第四条规则建议处理方式（不保存），并列出来电人和本案此前的工单' })
  @ApiCreateTicketBody()
  @ApiOkResponse({ type: TicketProposal })
  propose(@Body() body: unknown): Promise<TicketProposal> {
    return this.proposals.propose(body);
  }

  @Get()
  @Roles('agent', 'handler', 'supervisor', 'leader', 'admin')
  @ApiOperation({ summary: '检索工单（承办人仅见本人及本部门的工单；来电号码脱敏）' })
  @ApiOkResponse({ type: TicketList })
  search(@Query() query: SearchTicketsDto, @CurrentUser() user: Principal): Promise<TicketList> {
    return this.queries.search(query, user);
  }

  @Get(':id')
  @Roles('agent', 'handler', 'supervisor', 'leader', 'admin')
  @ApiOperation({ summary: '查看一个工单（含实时状态、期限和经过）' })
  @ApiOkResponse({ type: TicketDetail })
  async get(
    @Param('id') id: string,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
  ): Promise<TicketDetail> {
    return this.shown(by, await this.queries.get(id, user));
  }

  @Post(':id/feedback')
  @HttpCode(200)
  @Roles('handler', 'leader')
  @ApiOperation({ summary: '承办人（或其部门负责人）反馈办理结果（第七条）' })
  @ApiOkResponse({ type: TicketDetail })
  async feedback(
    @Param('id') id: string,
    @Body() body: FeedbackDto,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
  ): Promise<TicketDetail> {
    return this.shown(by, await this.commands.feedback(id, user, body.result), '反馈');
  }

  @Post(':id/repeat-calls')
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({ summary: '登记再次来电；未及时处理的转办工单立即逾期（第八条）' })
  @ApiOkResponse({ type: TicketDetail })
  async repeatCall(
    @Param('id') id: string,
    @Body() body: RepeatCallDto,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
  ): Promise<TicketDetail> {
    return this.shown(
      by,
      await this.commands.repeatCall(id, user, body.note ?? null, body.notHandledInTime ?? false),
      '登记再次来电',
    );
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('leader', 'handler')
  @ApiOperation({ summary: '收到层报的领导确认，停止逐级层报（第四条第七、八项）' })
  @ApiOkResponse({ type: TicketDetail })
  async acknowledge(
    @Param('id') id: string,
    @Body() body: NoteDto,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
  ): Promise<TicketDetail> {
    return this.shown(by, await this.commands.acknowledge(id, user, body.note ?? null), '确认层报');
  }

  @Post(':id/reminders')
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({ summary: '座席员手动催办（POLICY_AUTO_REMIND=false 时）' })
  @ApiOkResponse({ type: TicketDetail })
  async remind(
    @Param('id') id: string,
    @Body() body: NoteDto,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
  ): Promise<TicketDetail> {
    return this.shown(by, await this.commands.remind(id, user, body.note ?? null), '催办');
  }

  @Post(':id/callback')
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({ summary: '登记回访结果，工单办结（第十条）' })
  @ApiOkResponse({ type: TicketDetail })
  async callback(
    @Param('id') id: string,
    @Body() body: CallbackDto,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
  ): Promise<TicketDetail> {
    return this.shown(
      by,
      await this.commands.callback(id, user, {
        reached: body.reached,
        satisfied: body.satisfied ?? null,
        note: body.note ?? null,
      }),
      '登记回访',
    );
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('handler', 'leader')
  @ApiOperation({ summary: '承办人签收工单' })
  @ApiOkResponse({ type: TicketDetail })
  async accept(
    @Param('id') id: string,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
  ): Promise<TicketDetail> {
    return this.shown(by, await this.commands.accept(id, user), '签收');
  }

  @Post(':id/progress')
  @HttpCode(200)
  @Roles('handler', 'leader')
  @ApiOperation({ summary: '承办人登记进展说明（阶段性答复，工单不办结）' })
  @ApiOkResponse({ type: TicketDetail })
  async progress(
    @Param('id') id: string,
    @Body() body: ProgressDto,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
  ): Promise<TicketDetail> {
    return this.shown(by, await this.commands.progress(id, user, body.note), '登记进展');
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('handler', 'leader')
  @ApiOperation({ summary: '承办人退回非本人办理范围的工单（待座席员或督办人员改派）' })
  @ApiOkResponse({ type: TicketDetail })
  async returnTicket(
    @Param('id') id: string,
    @Body() body: ReturnDto,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
  ): Promise<TicketDetail> {
    return this.shown(by, await this.commands.returnTicket(id, user, body.reason), '退回');
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: '改派已退回（或已转办未逾期）的工单，反馈期限重新起算' })
  @ApiOkResponse({ type: TicketDetail })
  async reassign(
    @Param('id') id: string,
    @Body() body: ReassignDto,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
  ): Promise<TicketDetail> {
    const detail = await this.commands.reassign(id, user, body.targetId, body.reason);
    await this.audit.changed(by, {
      action: 'ticket.reassign',
      ticketId: id,
      target: body.targetId,
      detail: `改派至 ${body.targetId}；理由：${body.reason.trim()}`,
    });
    return this.shown(by, detail, '改派');
  }

  @Post(':id/extension')
  @HttpCode(200)
  @Roles('handler', 'leader')
  @ApiOperation({ summary: '承办人申请延长反馈期限（同一时间只能有一项待审批）' })
  @ApiOkResponse({ type: TicketDetail })
  async requestExtension(
    @Param('id') id: string,
    @Body() body: ExtensionDto,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
  ): Promise<TicketDetail> {
    return this.shown(
      by,
      await this.commands.requestExtension(id, user, body.until, body.reason),
      '申请延期',
    );
  }

  @Post(':id/extension/decision')
  @HttpCode(200)
  @Roles('handler', 'leader', 'supervisor')
  @ApiOperation({ summary: '部门负责人或督办人员审批延期申请；同意则反馈期限延至申请的时间' })
  @ApiOkResponse({ type: TicketDetail })
  async decideExtension(
    @Param('id') id: string,
    @Body() body: ExtensionDecisionDto,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
  ): Promise<TicketDetail> {
    const detail = await this.commands.decideExtension(id, user, body.approve, body.note ?? null);
    await this.audit.changed(by, {
      action: 'ticket.extension.decide',
      ticketId: id,
      target: null,
      detail: `${body.approve ? '同意' : '不同意'}延期${body.note ? `；意见：${body.note}` : ''}`,
    });
    return this.shown(by, detail, body.approve ? '同意延期' : '不同意延期');
  }
}
