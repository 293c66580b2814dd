import { createHash, timingSafeEqual } from 'node:crypto';
import { readSecret } from '@court/config';

/**
 * `METRICS_TOKEN` (or the file `METRICS_TOKEN_FILE` names): the bearer token a scrape of
 * /metrics must send; unset or empty: none needed.
 */
export function metricsToken(env: NodeJS.ProcessEnv = process.env): string | null {
  return readSecret(env, 'METRICS_TOKEN') ?? null;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether an `Authorization` header carries the token (compared in constant time). */
export function scrapeAllowed(token: string | null, authorization: string | undefined): boolean {
  if (token === null) return true;
  const sent = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return sent !== undefined && timingSafeEqual(digest(sent), digest(token));
}
