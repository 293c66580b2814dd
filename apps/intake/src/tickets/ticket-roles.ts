import type { Principal } from '@court/auth';

/** Roles that see every ticket; handlers see their own and, as head, their department's. */
const SEE_ALL = ['agent', 'supervisor', 'leader', 'admin'] as const;
/** Roles shown the caller's full phone on one ticket (they call callers back). */
const SEE_PHONE = ['agent', 'supervisor', 'handler', 'leader'] as const;

export function seesAllTickets(user: Principal): boolean {
  return user.roles.some((r) => (SEE_ALL as readonly string[]).includes(r));
}

export function seesCallerPhone(user: Principal): boolean {
  return user.roles.some((r) => (SEE_PHONE as readonly string[]).includes(r));
}
