/** Where to go back to after login: only a path of this app, never another origin (`//evil.example`). */
export function safeNext(next: string | null): string | null {
  return next && /^\/(?!\/)/.test(next) && !next.startsWith('/login') ? next : null;
}
