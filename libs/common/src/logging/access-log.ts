import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';
import { ensureRequestId } from '../http/request-id.middleware';

/** What Express and our auth guard leave on a request by the time it is answered. */
type AnsweredRequest = IncomingMessage & {
  baseUrl?: string;
  path?: string;
  route?: { path?: unknown };
  user?: { id?: unknown };
};

/** Probed every few seconds by supervisors and scrapers: their lines are debug, not info. */
const QUIET_PATHS = new Set(['/health', '/metrics']);

function pathOf(request: AnsweredRequest): string {
  return request.path ?? (request.url ?? '/').split('?')[0]!;
}

function isQuiet(request: AnsweredRequest): boolean {
  const path = pathOf(request);
  return QUIET_PATHS.has(path.length > 1 ? path.replace(/\/$/, '') : path);
}

/** The route pattern (`/api/tickets/:id`), never the URL with its ids and query. */
export function routeOf(request: IncomingMessage): string | undefined {
  const answered = request as AnsweredRequest;
  const pattern = answered.route?.path;
  return typeof pattern === 'string' ? `${answered.baseUrl ?? ''}${pattern}` : undefined;
}

export interface AccessLine {
  method: string;
  /** The matched route's pattern; absent when nothing matched (a 404, a static file). */
  route?: string;
  /** The path (no query) of a request that matched no route. */
  path?: string;
  status: number;
  durationMs: number;
  userId?: string;
  aborted?: true;
}

export function accessLine(
  request: IncomingMessage,
  response: ServerResponse,
  durationMs: number,
): AccessLine {
  const answered = request as AnsweredRequest;
  const route = routeOf(request);
  const userId = answered.user?.id;
  return {
    method: request.method ?? 'GET',
    ...(route ? { route } : { path: pathOf(answered) }),
    status: response.statusCode,
    durationMs,
    ...(typeof userId === 'string' ? { userId } : {}),
    ...(response.writableEnded ? {} : { aborted: true as const }),
  };
}

function message(line: AccessLine): string {
  return `${line.method} ${line.route ?? line.path} ${line.status} ${line.durationMs}ms${line.aborted ? ' aborted' : ''}`;
}

type Timed = { responseTime?: number };

/**
 * pino-http options for one access line per request: `{reqId, method, route, status,
 * durationMs, userId}`, nothing of the headers (Authorization, cookies) or the body.
 * `/health` and `/metrics` at debug; 5xx at error.
 */
export function accessLogOptions(): Options {
  const lineFor = (request: IncomingMessage, response: ServerResponse, timed: Timed) =>
    accessLine(request, response, timed.responseTime ?? 0);
  return {
    genReqId: ensureRequestId,
    // Only `reqId` is bound to the request's loggers: no raw request or response to serialize.
    quietReqLogger: true,
    quietResLogger: true,
    // The pino logger's own `err` serializer (with the cause chain) stays in force.
    wrapSerializers: false,
    customLogLevel: (request, response, error) => {
      if (isQuiet(request as AnsweredRequest)) return 'debug';
      return error || response.statusCode >= 500 ? 'error' : 'info';
    },
    customSuccessObject: (request, response, timed) => lineFor(request, response, timed as Timed),
    customErrorObject: (request, response, _error, timed) =>
      lineFor(request, response, timed as Timed),
    customSuccessMessage: (request, response, durationMs) =>
      message(accessLine(request, response, durationMs)),
    // pino-http passes the response time as a fourth argument its types leave out.
    customErrorMessage: (request, response, _error, durationMs?: number) =>
      message(accessLine(request, response, durationMs ?? 0)),
  };
}
