import { CurrentUser, type Principal, Roles } from '@court/auth';
import { Audited, type AuditSource, AuditTrail } from '@court/database';
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AccountsService } from './accounts.service';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto } from './dto/user.dto';
import { UserList, UserView } from './dto/user-view.dto';

/** Accounts (API.md, Accounts): admins only. */
@ApiTags('accounts')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/users')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @ApiOperation({ summary: '账号列表（管理员；手机号脱敏）' })
  @ApiOkResponse({ type: UserList })
  async list(): Promise<UserList> {
    return { items: await this.accounts.list() };
  }

  @Post()
  @ApiOperation({ summary: '新建账号（管理员）；首次登录须修改密码' })
  @ApiCreatedResponse({ type: UserView })
  async create(@Body() body: CreateUserDto, @Audited() by: AuditSource): Promise<UserView> {
    const user = await this.accounts.create(body);
    await this.audit.changed(by, {
      action: 'user.create',
      target: user.id,
      detail: `新建账号 ${user.name}（${user.roles.join('、')}）`,
    });
    return user;
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改账号（管理员）；停用、改角色或部门后原有登录失效' })
  @ApiOkResponse({ type: UserView })
  async update(
    @Param('id') id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() admin: Principal,
    @Audited() by: AuditSource,
  ): Promise<UserView> {
    const user = await this.accounts.update(id, body, admin.id);
    await this.audit.changed(by, {
      action: body.disabled === true ? 'user.disable' : 'user.update',
      target: id,
      detail: describeUpdate(body),
    });
    return user;
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: '重置密码（管理员）；原有登录失效，下次登录须修改' })
  @ApiNoContentResponse()
  async resetPassword(
    @Param('id') id: string,
    @Body() body: ResetPasswordDto,
    @Audited() by: AuditSource,
  ): Promise<void> {
    await this.accounts.resetPassword(id, body.password);
    await this.audit.changed(by, {
      action: 'user.password.reset',
      target: id,
      detail: '重置密码（下次登录须修改）',
    });
  }
}

/** What an account change did, for the audit trail (field names and roles; never a phone number). */
function describeUpdate(body: UpdateUserDto): string {
  const parts: string[] = [];
  if (body.disabled === true) parts.push('停用账号');
  if (body.disabled === false) parts.push('启用账号');
  if (body.name !== undefined) parts.push(`姓名改为 ${body.name.trim()}`);
  if (body.roles !== undefined) parts.push(`角色改为 ${body.roles.join('、')}`);
  if (body.departmentId !== undefined) parts.push(`部门改为 ${body.departmentId ?? '无'}`);
  if (body.phone !== undefined) parts.push('修改手机号');
  return parts.length > 0 ? parts.join('；') : '未修改任何字段';
}
