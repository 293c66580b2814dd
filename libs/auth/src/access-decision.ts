import type { AccountState } from '@court/database';

export type AccessDecision =
  | { status: 200 }
  | { status: 401; message: string }
  | { status: 403; message: string };

export const MUST_CHANGE_PASSWORD_MESSAGE =
  '请先修改密码：首次登录或密码被重置后，须修改密码才能继续使用';

/**
 * Whether a verified token may still be used, given its account's state (pure; the guard's
 * rule). A token carries the account's version (`ver`) when issued; a token without one was
 * minted with the shared secret outside a login (a tool or test) and is held to version 0.
 * - no account: refused when the token names a version (the account is gone), else allowed;
 * - a disabled account, or a version other than the account's: 401;
 * - an account that must change its password: 403 except where that is allowed.
 */
export function decideAccess(
  tokenVersion: number | undefined,
  account: AccountState | null,
  allowedBeforePasswordChange: boolean,
): AccessDecision {
  if (!account) {
    return tokenVersion === undefined
      ? { status: 200 }
      : { status: 401, message: '账号不存在，请重新登录' };
  }
  if (account.disabled) return { status: 401, message: '账号已停用，请联系管理员' };
  if ((tokenVersion ?? 0) !== account.tokenVersion) {
    return { status: 401, message: '登录已失效（密码已修改或账号已变更），请重新登录' };
  }
  if (account.mustChangePassword && !allowedBeforePasswordChange) {
    return { status: 403, message: MUST_CHANGE_PASSWORD_MESSAGE };
  }
  return { status: 200 };
}
