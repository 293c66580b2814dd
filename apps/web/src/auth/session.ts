/**
 * The signed-in person and their access token, kept in this tab's sessionStorage: it survives a
 * reload, is gone when the tab closes, is never in a URL, and only scripts of our own origin can
 * read it (the page's Content-Security-Policy admits no other scripts). See docs/web-ui.md.
 */
import type { Role } from '../lib/labels';

export interface SessionUser {
  id: string;
  name: string;
  roles: Role[];
  departmentId?: string | null;
  mustChangePassword?: boolean;
}

export interface Session {
  accessToken: string;
  user: SessionUser;
}

const KEY = 'court12368.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  return current;
}

export function setSession(session: Session | null): void {
  current = session;
  if (session) globalThis.sessionStorage?.setItem(KEY, JSON.stringify(session));
  else globalThis.sessionStorage?.removeItem(KEY);
  for (const listener of listeners) listener(session);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const hasRole = (user: SessionUser | null | undefined, ...roles: Role[]) =>
  !!user && roles.some((role) => user.roles.includes(role));

/** Each role's home page (UI.md), in the order a person with several roles is sent. */
export function homeOf(user: SessionUser): string {
  if (user.mustChangePassword) return '/password';
  if (hasRole(user, 'agent')) return '/intake';
  if (hasRole(user, 'supervisor', 'leader')) return '/dashboard';
  if (hasRole(user, 'handler')) return '/inbox';
  if (hasRole(user, 'admin')) return '/admin/users';
  return '/tickets';
}
