import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** Every request gets an id (the caller's `X-Request-Id`, or a new one), echoed in the response. */
export function requestId(request: Request, response: Response, next: NextFunction): void {
  const given = request.header('x-request-id');
  const id = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
  (request as Request & { id: string }).id = id;
  response.setHeader('X-Request-Id', id);
  next();
}
