import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error';
import { readSecret } from './secret-setting';
import { parseTemporalAccess, type TemporalAccess } from './temporal-access';

export { ConfigError } from './config-error';

/** One AES-256 key of the payload codec, named by the id that encrypted payloads carry. */
export interface PayloadKey {
  readonly id: string;
  readonly key: Buffer;
}

/** Where Temporal is and how to reach it: TLS and an API key from TemporalAccess, when set. */
export interface TemporalSettings extends TemporalAccess {
  address: string;
  namespace: string;
  /** The first encrypts, all decrypt (rotation); empty: payloads travel unencrypted. */
  payloadKeys: readonly PayloadKey[];
  /** The Temporal Web UI's origin, the one origin the intake's codec endpoint answers. */
  uiOrigin: string;
}

/** Where the services find their servers and listen, from the env names of API.md. */
export interface ServiceConfig {
  temporal: TemporalSettings;
  mongodbUri: string;
  ports: { intake: number; notification: number; reporting: number };
}

type Env = Record<string, string | undefined>;

export const DEFAULTS = {
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  TEMPORAL_NAMESPACE: 'default',
  TEMPORAL_UI_PORT: '8233',
  MONGODB_URI: 'mongodb://127.0.0.1:27017/court12368',
  INTAKE_PORT: '3000',
  NOTIFICATION_PORT: '3001',
  REPORTING_PORT: '3002',
} as const;

export function readSetting(env: Env, name: keyof typeof DEFAULTS): string {
  const value = env[name]?.trim();
  return value ? value : DEFAULTS[name];
}

export function parsePort(env: Env, name: keyof typeof DEFAULTS, problems: string[]): number {
  const raw = readSetting(env, name);
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    problems.push(`${name}="${raw}" is not a TCP port (1–65535)`);
  }
  return port;
}

export function parseHostPort(value: string): { host: string; port: number } | null {
  const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(value);
  if (!match) return null;
  const port = Number(match[2]);
  return port >= 1 && port <= 65535 ? { host: match[1]!.replace(/^\[|\]$/g, ''), port } : null;
}

export function loadServiceConfig(env: Env = process.env): ServiceConfig {
  const problems: string[] = [];

  const address = readSetting(env, 'TEMPORAL_ADDRESS');
  if (!parseHostPort(address)) {
    problems.push(`TEMPORAL_ADDRESS="${address}" must be host:port, e.g. 127.0.0.1:7233`);
  }
  const namespace = readSetting(env, 'TEMPORAL_NAMESPACE');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/.test(namespace)) {
    problems.push(`TEMPORAL_NAMESPACE="${namespace}" is not a valid namespace name`);
  }
  // The URI carries the credentials and TLS options, so it may come from a secret file.
  const mongodbUri = readSecret(env, 'MONGODB_URI', problems) ?? DEFAULTS.MONGODB_URI;
  if (!/^mongodb(\+srv)?:\/\/.+/.test(mongodbUri)) {
    problems.push(
      `MONGODB_URI="${withoutPassword(mongodbUri)}" must start with mongodb:// or mongodb+srv://`,
    );
  }
  const ports = {
    intake: parsePort(env, 'INTAKE_PORT', problems),
    notification: parsePort(env, 'NOTIFICATION_PORT', problems),
    reporting: parsePort(env, 'REPORTING_PORT', problems),
  };
  const payloadKeys = parsePayloadKeySettings(env, problems);
  const uiOrigin = parseTemporalUiOrigin(env, problems);
  const access = parseTemporalAccess(env, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return { temporal: { address, namespace, payloadKeys, uiOrigin, ...access }, mongodbUri, ports };
}

/** A URI fit for a message: the password of `scheme://user:password@` masked. */
export function withoutPassword(uri: string): string {
  return uri.replace(/^([a-z+]+:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const KEY_BYTES = 32;

/**
 * `id:base64` entries, the first the one that encrypts. `where(i)` names an entry in a
 * problem (`PAYLOAD_KEYS entry 2`, `PAYLOAD_KEY_FILE=… line 5`); no problem quotes key material.
 */
export function parsePayloadKeys(
  entries: readonly string[],
  where: (index: number) => string,
  problems: string[],
): PayloadKey[] {
  const keys: PayloadKey[] = [];
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon).trim();
    const encoded = entry.slice(colon + 1).trim();
    if (colon < 0 || !KEY_ID.test(id)) {
      problems.push(
        `${where(index)}: expected <id>:<base64 of ${KEY_BYTES} bytes>, the id of letters, digits, ".", "_" or "-" (at most 64)`,
      );
      return;
    }
    const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : null;
    if (!key || key.length !== KEY_BYTES) {
      problems.push(
        `${where(index)}: key "${id}" is ${key ? `${key.length} bytes` : 'not base64'}; AES-256 needs ${KEY_BYTES} (e.g. openssl rand -base64 32)`,
      );
      return;
    }
    if (keys.some((known) => known.id === id)) {
      problems.push(`${where(index)}: key id "${id}" appears twice`);
      return;
    }
    keys.push({ id, key });
  });
  return keys;
}

/** The lines of a key file that hold entries: no blank lines, no `#` comments. */
function keyFileEntries(text: string): { entry: string; line: number }[] {
  return text
    .split(/\r?\n/)
    .map((entry, index) => ({ entry: entry.trim(), line: index + 1 }))
    .filter(({ entry }) => entry !== '' && !entry.startsWith('#'));
}

/**
 * `PAYLOAD_KEYS` (comma-separated) or `PAYLOAD_KEY_FILE` (one entry a line), not both. Without
 * either, payloads are not encrypted, which production refuses: they carry personal data.
 */
export function parsePayloadKeySettings(env: Env, problems: string[]): PayloadKey[] {
  const list = env.PAYLOAD_KEYS?.trim();
  const file = env.PAYLOAD_KEY_FILE?.trim();
  if (list && file) {
    problems.push('PAYLOAD_KEYS and PAYLOAD_KEY_FILE are both set: set one of them');
    return [];
  }
  if (list) {
    return parsePayloadKeys(list.split(','), (i) => `PAYLOAD_KEYS entry ${i + 1}`, problems);
  }
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      problems.push(`PAYLOAD_KEY_FILE="${file}" cannot be read (${code})`);
      return [];
    }
    const entries = keyFileEntries(text);
    if (entries.length === 0) {
      problems.push(`PAYLOAD_KEY_FILE="${file}" holds no key (one <id>:<base64> a line)`);
      return [];
    }
    return parsePayloadKeys(
      entries.map((e) => e.entry),
      (i) => `PAYLOAD_KEY_FILE="${file}" line ${entries[i]!.line}`,
      problems,
    );
  }
  if (env.NODE_ENV?.trim() === 'production') {
    problems.push(
      'PAYLOAD_KEYS or PAYLOAD_KEY_FILE required in production (NODE_ENV=production): workflow payloads carry personal data',
    );
  }
  return [];
}

/** `TEMPORAL_UI_ORIGIN`, by default the embedded Web UI's: http://127.0.0.1:<TEMPORAL_UI_PORT>. */
export function parseTemporalUiOrigin(env: Env, problems: string[]): string {
  const raw = env.TEMPORAL_UI_ORIGIN?.trim();
  if (!raw) return `http://127.0.0.1:${readSetting(env, 'TEMPORAL_UI_PORT')}`;
  let origin: string | null = null;
  try {
    origin = new URL(raw).origin;
  } catch {
    // reported below
  }
  if (origin !== raw.replace(/\/$/, '') || !/^https?:/.test(raw)) {
    problems.push(
      `TEMPORAL_UI_ORIGIN="${raw}" must be an origin: http(s)://host[:port], no path (e.g. http://127.0.0.1:8233)`,
    );
  }
  return origin ?? raw;
}
