import { CurrentUser, type Principal, Roles } from '@court/auth';
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
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: '账号列表（管理员；手机号脱敏）' })
  @ApiOkResponse({ type: UserList })
  async list(): Promise<UserList> {
    return { items: await this.accounts.list() };
  }

  @Post()
  @ApiOperation({ summary: '新建账号（管理员）；首次登录须修改密码' })
  @ApiCreatedResponse({ type: UserView })
  create(@Body() body: CreateUserDto): Promise<UserView> {
    return this.accounts.create(body);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改账号（管理员）；停用、改角色或部门后原有登录失效' })
  @ApiOkResponse({ type: UserView })
  update(
    @Param('id') id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() admin: Principal,
  ): Promise<UserView> {
    return this.accounts.update(id, body, admin.id);
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: '重置密码（管理员）；原有登录失效，下次登录须修改' })
  @ApiNoContentResponse()
  async resetPassword(@Param('id') id: string, @Body() body: ResetPasswordDto): Promise<void> {
    await this.accounts.resetPassword(id, body.password);
  }
}
