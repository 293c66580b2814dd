import type { NextFunction, Request, Response } from 'express';
import { codecSessionToken } from './codec-session-cookie';

/**
 * Lets the codec endpoint's requests authenticate with the codec cookie: its token becomes
 * the bearer token that the shared AuthGuard verifies (signature, account state, role), so
 * the cookie is checked exactly as a header would be. An Authorization header wins.
 */
export function codecSessionAuth(request: Request, _response: Response, next: NextFunction): void {
  if (!request.headers.authorization) {
    const token = codecSessionToken(request.headers.cookie);
    if (token) request.headers.authorization = `Bearer ${token}`;
  }
  next();
}
