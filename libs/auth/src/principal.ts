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

/** No token needed (login, health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Any of these roles may call; without it, any signed-in user may. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().user,
);
