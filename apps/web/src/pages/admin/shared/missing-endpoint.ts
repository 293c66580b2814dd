import { ApiError } from '../../../api/errors';

/**
 * Whether the server has no such endpoint at all (not yet built), as opposed to a missing
 * record: the framework's own 404 says `Cannot GET /api/users`; a missing record has a
 * message of its own. A list endpoint answering 404 is always the former.
 */
export function isMissingEndpoint(error: unknown, anyNotFound = false): boolean {
  if (!(error instanceof ApiError) || error.status !== 404) return false;
  return anyNotFound || /^Cannot (GET|POST|PUT|PATCH|DELETE) \//.test(error.message);
}
