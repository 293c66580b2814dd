import { apiErrorFrom } from '../../api/errors';
import { getSession } from '../../auth/session';

/**
 * `POST /api/auth/password` → 204. A plain fetch on purpose: a wrong current password may be
 * answered 401, which must show on the form instead of signing the person out.
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
