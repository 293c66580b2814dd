import createClient, { type Middleware } from 'openapi-fetch';
import { getSession, setSession } from '../auth/session';
import { ApiError, apiErrorFrom } from './errors';
import type { paths as IntakePaths } from './generated/intake';
import type { paths as NotificationPaths } from './generated/notification';
import type { paths as ReportingPaths } from './generated/reporting';

/** Sent when a token is refused, so the app can return to /login and come back after. */
export const SESSION_EXPIRED = 'court12368:session-expired';

const auth: Middleware = {
  onRequest({ request }) {
    const token = getSession()?.accessToken;
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ request, response }) {
    if (response.ok) return response;
    const body = await response
      .clone()
      .json()
      .catch(() => null);
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/auth/login')) {
      setSession(null);
      window.dispatchEvent(new Event(SESSION_EXPIRED));
    }
    throw apiErrorFrom(response.status, body);
  },
};

function client<Paths extends {}, Media extends `${string}/${string}` = `${string}/${string}`>() {
  const c = createClient<Paths, Media>({ baseUrl: globalThis.location?.origin ?? '' });
  c.use(auth);
  return c;
}

/** One origin: intake answers all of these, forwarding notification and reporting paths. */
export const intake = client<IntakePaths>();
export const notification = client<NotificationPaths>();
/** JSON only: the reporting files (csv, xlsx) are downloaded with `authorisedFetch`. */
export const reporting = client<ReportingPaths, 'application/json'>();

/** openapi-fetch's `{ data, error }` as a value or a thrown ApiError (for TanStack Query). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>) {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw apiErrorFrom(response.status, error);
  return data as T;
}

export { ApiError };

/** A plain authorised fetch for what openapi-fetch does not cover (downloads, streams). */
export async function authorisedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = getSession()?.accessToken;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(path, { ...init, headers });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    if (response.status === 401) {
      setSession(null);
      window.dispatchEvent(new Event(SESSION_EXPIRED));
    }
    throw apiErrorFrom(response.status, body);
  }
  return response;
}
