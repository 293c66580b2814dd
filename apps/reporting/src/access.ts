import type { Principal } from '@court/auth';
import type { Role } from '@court/domain';
import type { HandlerView } from '@court/reporting';
import { DirectoryNamesSource } from '@court/reporting';
import { ForbiddenException, Injectable } from '@nestjs/common';

/**
 * Who may read reports: everything for these; handlers what the intake lets them read (the
 * tickets addressed to them, and those of the departments they head); agents nothing.
 */
export const READ_ALL_ROLES: Role[] = ['supervisor', 'leader', 'admin'];
export const REPORT_ROLES: Role[] = [...READ_ALL_ROLES, 'handler'];

/** What a caller's reports cover: everything, or a handler's part of the ledger. */
export type ReportScope = { all: true } | ({ all: false } & HandlerView);

/** The handler's part a scope limits reports to; none for those who read everything. */
export function viewOf(scope: ReportScope): HandlerView | undefined {
  return scope.all ? undefined : { handlerId: scope.handlerId, departmentIds: scope.departmentIds };
}

/**
 * A requested department filter within a scope: any for those who read everything; for a
 * handler, a department they head or their own (the filter then narrows their part), another
 * → 403.
 */
export function requestedDepartment(
  user: Principal,
  scope: ReportScope,
  requested?: string | null,
): string | undefined {
  if (!requested) return undefined;
  if (scope.all || scope.departmentIds.includes(requested) || requested === user.departmentId) {
    return requested;
  }
  throw new ForbiddenException('无权查看：承办人只能查看本人承办的工单及本人负责部门的台账和统计');
}

/** Computes a caller's scope once per request, from the principal and the court directory. */
@Injectable()
export class ReportAccess {
  constructor(private readonly directory: DirectoryNamesSource) {}

  async scope(user: Principal): Promise<ReportScope> {
    if (user.roles.some((role) => READ_ALL_ROLES.includes(role))) return { all: true };
    if (user.roles.includes('handler')) {
      return {
        all: false,
        handlerId: user.id,
        departmentIds: await this.directory.departmentsHeadedBy(user.id),
      };
    }
    throw new ForbiddenException('无权查看报表');
  }
}
