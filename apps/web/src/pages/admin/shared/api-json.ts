import { authorisedFetch } from '../../../api/client';

/**
 * JSON calls to endpoints API.md documents but the generated client does not know yet
 * (accounts, calendar, audit, password); errors arrive as ApiError like everywhere else.
 */
export async function apiJson<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await authorisedFetch(path, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
