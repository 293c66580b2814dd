import { Roles } from '@court/auth';
import { Audited, type AuditSource, AuditTrail } from '@court/database';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
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
  create(@Body() body: CreateVoicemailDto): Promise<VoicemailCreated> {
    return this.voicemails.create(body);
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
