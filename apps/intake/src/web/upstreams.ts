import { ConfigError } from '@court/config';

/**
 * The services behind the intake's one origin: the browser talks only to the intake, which
 * forwards these paths (streams included) to the service that owns them.
 */
export interface Upstream {
  name: 'notification' | 'reporting';
  url: string;
  paths: string[];
}

function serviceUrl(env: NodeJS.ProcessEnv, urlEnv: string, portEnv: string, port: number) {
  const explicit = env[urlEnv]?.trim();
  if (explicit) {
    if (!/^https?:\/\/[^/]+\/?$/.test(explicit)) {
      throw new ConfigError([
        `${urlEnv}="${explicit}" must be an origin such as http://127.0.0.1:3001`,
      ]);
    }
    return explicit.replace(/\/$/, '');
  }
  return `http://127.0.0.1:${env[portEnv]?.trim() || port}`;
}

export function loadUpstreams(env: NodeJS.ProcessEnv = process.env): Upstream[] {
  return [
    {
      name: 'notification',
      url: serviceUrl(env, 'NOTIFICATION_URL', 'NOTIFICATION_PORT', 3001),
      paths: ['/api/notifications', '/api/sms'],
    },
    {
      name: 'reporting',
      url: serviceUrl(env, 'REPORTING_URL', 'REPORTING_PORT', 3002),
      paths: ['/api/reports', '/api/bulletins'],
    },
  ];
}

/** Whether a request path belongs to one of the listed path prefixes (`/api/sms` and `/api/sms/…`). */
export function ownsPath(paths: readonly string[], path: string): boolean {
  const pathname = path.split('?')[0]!;
  return paths.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
