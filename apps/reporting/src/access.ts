import type { Principal } from '@court/auth';
import type { Role } from '@court/domain';
import { ForbiddenException } from '@nestjs/common';

/** Who may read reports: everything for these; handlers their own department only; agents nothing. */
export const READ_ALL_ROLES: Role[] = ['supervisor', 'leader', 'admin'];
export const REPORT_ROLES: Role[] = [...READ_ALL_ROLES, 'handler'];

/**
 * The department a caller's report is limited to: the requested one (or none) for those who
 * read everything; a handler's own department (asking for another → 403).
 */
export function departmentScope(user: Principal, requested?: string | null): string | null {
  if (user.roles.some((role) => READ_ALL_ROLES.includes(role))) return requested ?? null;
  if (user.roles.includes('handler')) {
    if (!user.departmentId) throw new ForbiddenException('无权查看：账号未关联部门');
    if (requested && requested !== user.departmentId) {
      throw new ForbiddenException('无权查看：承办人只能查看本部门的台账和统计');
    }
    return user.departmentId;
  }
  throw new ForbiddenException('无权查看报表');
}
