/** API.md's password rule: at least 10 characters and not the account's own id. */
export const MIN_PASSWORD_LENGTH = 10;

export function passwordProblem(password: string, userId: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`;
  if (userId && password.trim().toLowerCase() === userId.trim().toLowerCase())
    return '密码不能与用户名相同';
  return null;
}
