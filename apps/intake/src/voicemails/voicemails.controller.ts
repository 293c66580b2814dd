import { CurrentUser, type Principal, Roles } from '@court/auth';
import { Audited, type AuditSource, AuditTrail } from '@court/database';
import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
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
import { CreateVoicemailDto, ListVoicemailsDto } from './dto/voicemail.dto';
import { VoicemailCreated, VoicemailList, VoicemailView } from './dto/voicemail-view.dto';
import { VoicemailsService } from './voicemails.service';

@ApiTags('voicemails')
@ApiBearerAuth()
@Controller('api/voicemails')
export class VoicemailsController {
  constructor(
    private readonly voicemails: VoicemailsService,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  @Roles('agent', 'admin', 'telephony')
  @ApiOperation({ summary: '登记非工作时间留言（第六条），次一工作日上班时到期' })
  @ApiCreatedResponse({ type: VoicemailCreated })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async create(
    @Body() body: CreateVoicemailDto,
    @Res({ passthrough: true }) response: Response,
    @CurrentUser() user: Principal,
    @Headers('idempotency-key') key?: string,
  ): Promise<VoicemailCreated> {
    const result = await this.voicemails.create(body, user, checkedIdempotencyKey(key));
    if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }

  @Get()
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: '留言队列（来电号码脱敏）' })
  @ApiOkResponse({ type: VoicemailList })
  list(@Query() query: ListVoicemailsDto): Promise<VoicemailList> {
    return this.voicemails.list(query.status);
  }

  @Get(':id')
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: '一条留言（含完整来电号码，供回电）' })
  @ApiOkResponse({ type: VoicemailView })
  async get(@Param('id') id: string, @Audited() by: AuditSource): Promise<VoicemailView> {
    const voicemail = await this.voicemails.get(id);
    // The full number is answered only once the read is recorded (fails closed: 503).
    await this.audit.revealing(by, {
      action: 'voicemail.phone.read',
      ticketId: voicemail.ticketId ?? null,
      target: id,
      detail: '查看留言（含完整来电号码）',
    });
    return voicemail;
  }
}
