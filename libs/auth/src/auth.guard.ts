import type { Role } from '@court/domain';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { type Principal, PUBLIC_ROUTE, REQUIRED_ROLES } from './principal';

/**
 * Every route needs a valid bearer token unless marked @Public(); @Roles() narrows who may
 * call. Missing or bad token → 401, a role not allowed → 403 (API.md).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers?.authorization;
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token)
      throw new UnauthorizedException('未登录：缺少访问令牌 (Authorization: Bearer <token>)');
    let principal: Principal;
    try {
      const payload = await this.jwt.verifyAsync<{
        sub: string;
        name: string;
        roles: Role[];
        dept: string | null;
      }>(token);
      principal = {
        id: payload.sub,
        name: payload.name,
        roles: payload.roles ?? [],
        departmentId: payload.dept ?? null,
      };
    } catch {
      throw new UnauthorizedException('访问令牌无效或已过期，请重新登录');
    }
    request.user = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.some((role) => principal.roles.includes(role))) {
      throw new ForbiddenException(`无权操作：需要角色 ${roles.join(' / ')}`);
    }
    return true;
  }
}
