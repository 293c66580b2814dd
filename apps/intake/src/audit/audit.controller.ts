import { Roles } from '@court/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from './audit.service';
import { AuditList, AuditQueryDto } from './dto/audit.dto';

/** The audit trail (API.md, Audit): admins only. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary:
      '审计记录（管理员）：谁查看了来电人完整号码，谁修改了账号、通讯录、日历，谁改判了处理方式',
  })
  @ApiOkResponse({ type: AuditList })
  list(@Query() query: AuditQueryDto): Promise<AuditList> {
    return this.audit.list(query);
  }
}
