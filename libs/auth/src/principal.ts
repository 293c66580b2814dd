import type { Role } from '@court/domain';
import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

/** Who is calling, from the verified token. */
export interface Principal {
  id: string;
  name: string;
  roles: Role[];
  departmentId: string | null;
}

export const PUBLIC_ROUTE = 'court:public';
export const REQUIRED_ROLES = 'court:roles';
export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'court:before-password-change';

/** No token needed (login, health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Any of these roles may call; without it, any signed-in user may. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/**
 * Callable by someone who must change the password first (API.md: only `POST
 * /api/auth/password` and `GET /api/auth/me`); everything else answers 403 for them.
 */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().user,
);
