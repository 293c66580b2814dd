import { CurrentUser, type Principal, Public } from '@court/auth';
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { LoginResult, SignedInUser } from './dto/session.dto';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录，取得访问令牌（JWT）' })
  @ApiOkResponse({ type: LoginResult })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResult> {
    try {
      return await this.auth.login(body.username, body.password, request.ip ?? 'unknown');
    } catch (error) {
      const retry = (
        error as { getResponse?: () => { retryAfterSeconds?: number } }
      ).getResponse?.()?.retryAfterSeconds;
      if (retry) response.setHeader('Retry-After', String(retry));
      throw error;
    }
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前登录用户' })
  @ApiOkResponse({ type: SignedInUser })
  me(@CurrentUser() user: Principal): SignedInUser {
    return user;
  }
}
