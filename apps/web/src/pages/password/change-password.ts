import { apiErrorFrom } from '../../api/errors';
import { getSession, type Session } from '../../auth/session';

/**
 * `POST /api/auth/password` → 204. A plain fetch on purpose: a wrong current password is
 * answered 400 naming `currentPassword` (a 401 here, too, must show on the form instead of
 * signing the person out).
 */
export async function changePassword(body: {
  currentPassword: string;
  newPassword: string;
}): Promise<void> {
  const token = getSession()?.accessToken;
  const response = await fetch('/api/auth/password', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw apiErrorFrom(response.status, await response.json().catch(() => null));
  }
}

/** After a change every older token fails: a new one, with the new password. */
export async function signInAgain(username: string, password: string): Promise<Session> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw apiErrorFrom(response.status, body);
  return body as Session;
}
