import { readSecret } from '@court/config';

/** JWT settings: `JWT_SECRET` or `JWT_SECRET_FILE` (required; npm start generates and keeps one for the embedded default). */
export interface AuthConfig {
  secret: string;
  expiresInSeconds: number;
}

export function loadAuthConfig(env: Record<string, string | undefined> = process.env): AuthConfig {
  const secret = readSecret(env, 'JWT_SECRET');
  if (!secret || secret.length < 32) {
    throw new Error(
      'JWT_SECRET (or JWT_SECRET_FILE) must be set to at least 32 characters (npm start generates one under data/)',
    );
  }
  const raw = env.JWT_EXPIRES_IN?.trim() || '28800';
  const expiresInSeconds = Number(raw);
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds <= 0) {
    throw new Error(`JWT_EXPIRES_IN="${raw}" must be a whole number of seconds`);
  }
  return { secret, expiresInSeconds };
}
