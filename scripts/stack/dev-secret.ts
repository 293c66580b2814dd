import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { say } from './console-output';
import { ensurePrivateFolder } from './private-folder';

/**
 * The embedded default's JWT secret: generated once and kept under the data folder, so that
 * tokens survive a restart. Production sets JWT_SECRET itself.
 */
export function devJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  ensurePrivateFolder(dataDir);
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The embedded default's payload-encryption key file (`PAYLOAD_KEY_FILE`): one key, `k1`, of
 * 32 random bytes, generated once under the data folder so that the workflow histories written
 * with it stay readable after a restart. Production sets PAYLOAD_KEYS or PAYLOAD_KEY_FILE.
 */
export function devPayloadKeyFile(dataDir: string): string {
  const file = join(dataDir, 'payload-keys');
  if (existsSync(file)) return file;
  ensurePrivateFolder(dataDir);
  writeFileSync(file, `k1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  say(`generated the payload key ${file}: keep it with the data, which cannot be read without it`);
  return file;
}
