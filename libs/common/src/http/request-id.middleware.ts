import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

type WithId = IncomingMessage & { id?: string };

/**
 * The request's id, given it once: the caller's `X-Request-Id` when it is a plain token, else a
 * new UUID, echoed in the response. The access log (pino-http's `genReqId`) reads the same id.
 */
export function ensureRequestId(request: IncomingMessage, response: ServerResponse): string {
  const withId = request as WithId;
  if (withId.id) return withId.id;
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
  withId.id = id;
  if (!response.headersSent) response.setHeader('X-Request-Id', id);
  return id;
}

/** Every request gets an id (the caller's `X-Request-Id`, or a new one), echoed in the response. */
export function requestId(request: Request, response: Response, next: NextFunction): void {
  ensureRequestId(request, response);
  next();
}
