import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { type AccessDecision, decideAccess } from './access-decision';
import { AccountStateCache } from './account-state';
import {
  ALLOWED_BEFORE_PASSWORD_CHANGE,
  type Principal,
  PUBLIC_ROUTE,
  REQUIRED_ROLES,
} from './principal';
import type { TokenClaims } from './token.service';

/**
 * Every route needs a valid bearer token unless marked @Public(); @Roles() narrows who may
 * call. Missing or bad token → 401, a role not allowed → 403 (API.md). The token's version
 * is checked against the account's (read by `_id`, cached for a few seconds): a disabled
 * account, or one whose password changed since the token was issued → 401; an account that
 * must change its password → 403 everywhere but the routes that let it do so.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly accounts: AccountStateCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers?.authorization;
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token)
      throw new UnauthorizedException('未登录：缺少访问令牌 (Authorization: Bearer <token>)');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException('访问令牌无效或已过期，请重新登录');
    }
    const principal: Principal = {
      id: claims.sub,
      name: claims.name,
      roles: claims.roles ?? [],
      departmentId: claims.dept ?? null,
    };

    const decision: AccessDecision = decideAccess(
      claims.ver,
      await this.accounts.get(principal.id),
      this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets) === true,
    );
    if (decision.status === 401) throw new UnauthorizedException(decision.message);
    if (decision.status === 403) throw new ForbiddenException(decision.message);
    request.user = principal;

    const roles = this.reflector.getAllAndOverride<Principal['roles'] | undefined>(
      REQUIRED_ROLES,
      targets,
    );
    if (roles && !roles.some((role) => principal.roles.includes(role))) {
      throw new ForbiddenException(`无权操作：需要角色 ${roles.join(' / ')}`);
    }
    return true;
  }
}
