import { ConfigError, readSecret } from '@court/config';

/** JWT settings: `JWT_SECRET` or `JWT_SECRET_FILE` (required; npm start generates and keeps one for the embedded default). */
export interface AuthConfig {
  secret: string;
  expiresInSeconds: number;
}

export function loadAuthConfig(env: Record<string, string | undefined> = process.env): AuthConfig {
  const problems: string[] = [];
  const secret = readSecret(env, 'JWT_SECRET', problems);
  // A secret that could not be read is reported already (readSecret).
  if (problems.length === 0 && (!secret || secret.length < 32)) {
    problems.push(
      'JWT_SECRET (or JWT_SECRET_FILE) must be set to at least 32 characters (npm start generates one under data/)',
    );
  }
  const raw = env.JWT_EXPIRES_IN?.trim() || '28800';
  const expiresInSeconds = Number(raw);
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds <= 0) {
    problems.push(`JWT_EXPIRES_IN="${raw}" must be a whole number of seconds`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { secret: secret!, expiresInSeconds };
}
