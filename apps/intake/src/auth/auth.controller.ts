import { AllowedBeforePasswordChange, CurrentUser, type Principal, Public } from '@court/auth';
import { Audited, type AuditSource, AuditTrail } from '@court/database';
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccountsService } from '../accounts/accounts.service';
import { ChangePasswordDto } from '../accounts/dto/user.dto';
import { clearCodecSession, setCodecSession } from '../temporal-codec/codec-session-cookie';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { LoginResult, SignedInUser } from './dto/session.dto';

/** A 429's wait as `Retry-After`, then the error as it was. */
async function withRetryAfter<T>(response: Response, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const retry = (error as { getResponse?: () => { retryAfterSeconds?: number } }).getResponse?.()
      ?.retryAfterSeconds;
    if (retry) response.setHeader('Retry-After', String(retry));
    throw error;
  }
}

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    private readonly audit: AuditTrail,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '登录，取得访问令牌（JWT）；管理员另得一个仅供 Temporal Web UI 编解码接口使用的 HttpOnly Cookie',
  })
  @ApiOkResponse({ type: LoginResult })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResult> {
    const result = await withRetryAfter(response, () =>
      this.auth.login(body.username, body.password, request.ip ?? 'unknown'),
    );
    if (result.user.roles.includes('admin')) setCodecSession(request, response, result.accessToken);
    else clearCodecSession(request, response);
    return result;
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录：清除 Temporal Web UI 编解码接口的 Cookie（令牌由前端丢弃）' })
  @ApiNoContentResponse()
  logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    clearCodecSession(request, response);
  }

  @Get('me')
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前登录用户' })
  @ApiOkResponse({ type: SignedInUser })
  me(@CurrentUser() user: Principal): Promise<SignedInUser> {
    return this.auth.me(user);
  }

  @Post('password')
  @HttpCode(204)
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({
    summary: '修改自己的密码；成功后所有已登录的会话（包括本次）失效，须用新密码重新登录',
  })
  @ApiNoContentResponse()
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentUser() user: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Audited() by: AuditSource,
  ): Promise<void> {
    await withRetryAfter(response, () =>
      this.accounts.changeOwnPassword(
        user.id,
        body.currentPassword,
        body.newPassword,
        request.ip ?? 'unknown',
      ),
    );
    await this.audit.changed(by, {
      action: 'user.password.change',
      target: user.id,
      detail: '修改自己的密码',
    });
  }
}
