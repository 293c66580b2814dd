/** Where the services find their servers and listen, from the env names of API.md. */
export interface ServiceConfig {
  temporal: { address: string; namespace: string };
  mongodbUri: string;
  ports: { intake: number; notification: number; reporting: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置错误 (invalid configuration):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
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
  const mongodbUri = readSetting(env, 'MONGODB_URI');
  if (!/^mongodb(\+srv)?:\/\/.+/.test(mongodbUri)) {
    problems.push(`MONGODB_URI="${mongodbUri}" must start with mongodb:// or mongodb+srv://`);
  }
  const ports = {
    intake: parsePort(env, 'INTAKE_PORT', problems),
    notification: parsePort(env, 'NOTIFICATION_PORT', problems),
    reporting: parsePort(env, 'REPORTING_PORT', problems),
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return { temporal: { address, namespace }, mongodbUri, ports };
}
