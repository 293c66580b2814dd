import type { CookieOptions, Request, Response } from 'express';

/** Where the Temporal Web UI calls the intake's codec endpoint (`--ui-codec-endpoint`). */
export const CODEC_ROUTE = 'api/temporal-codec';
export const CODEC_COOKIE = 'court12368_codec';

/**
 * The Temporal Web UI cannot send our bearer token, only the browser's cookies (its "include
 * cross-origin credentials" setting). So an admin's login also leaves the session token in a
 * cookie that only the codec endpoint ever receives (Path), only from the same site
 * (SameSite=Strict: 127.0.0.1:8233 and :3000 are one site) and that no script can read.
 */
function options(request: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: `/${CODEC_ROUTE}`, secure: request.secure };
}

export function setCodecSession(request: Request, response: Response, token: string): void {
  response.cookie(CODEC_COOKIE, token, options(request));
}

export function clearCodecSession(request: Request, response: Response): void {
  response.clearCookie(CODEC_COOKIE, options(request));
}

/** The session token of a `Cookie` header, if it holds the codec cookie. */
export function codecSessionToken(cookieHeader: string | undefined): string | undefined {
  for (const part of cookieHeader?.split(';') ?? []) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== CODEC_COOKIE) continue;
    const value = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
