import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadNotificationSettings } from '@court/notifications';
import { parse } from 'yaml';
import { loadAuthConfig } from '../libs/auth/src/auth-config';
import { DEFAULTS, loadServiceConfig } from '../libs/config/src/service-config';
import { DEFAULT_POLICY, parsePolicy } from '../libs/domain/src/policy';
import { metricsToken } from '../libs/telemetry/src/metrics/metrics-token';
import { searchAttributeCliFlags } from '../libs/temporal/src/search-attributes';
import { TICKET_SEARCH_ATTRIBUTES } from '../workflows/ticket/contract';
import { APPS, AppSpec, appEntry } from './stack/apps';
import { REPO_ROOT } from './stack/paths';

/**
 * The production-shaped stack (docker-compose.yml, Dockerfile) against the documented settings:
 * API.md and docs/configuration.md's tables are read at test time, so a process, port or
 * setting added there shows up here; the secrets are made by docs/operations.md's own recipe.
 */

const API_MD = resolve(__dirname, '..', '..', 'shared', 'spec', 'API.md');

// ---------- API.md ----------

/** The rows (header left out) of every table in the `## …` section whose heading contains `heading`. */
function tablesUnder(markdown: string, heading: string, file: string): string[][][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^#{1,2} /.test(line) && line.includes(heading));
  if (start < 0) throw new Error(`${file} has no "# …${heading}…" section`);
  const tables: string[][][] = [];
  let rows: string[][] = [];
  const close = () => {
    if (rows.length === 0) return;
    if (rows.length < 3 || !/^[-\s|:]+$/.test(rows[1]!.join('|'))) {
      throw new Error(`${file}'s "${heading}" section has a table without header and rows`);
    }
    tables.push(rows.slice(2));
    rows = [];
  };
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,2} /.test(line)) break;
    if (!line.trimStart().startsWith('|')) {
      close();
      continue;
    }
    rows.push(
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  close();
  if (tables.length === 0) throw new Error(`${file}'s "${heading}" section has no table`);
  return tables;
}

const tableUnder = (markdown: string, heading: string) =>
  tablesUnder(markdown, heading, 'API.md')[0]!;

const envNamesIn = (cell: string) => [...cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!);
const unquote = (cell: string) => cell.replace(/^`|`$/g, '');

interface ApiProcess {
  process: string;
  port?: number;
  env: string[];
}

interface ApiSetting {
  env: string;
  default: string;
}

const apiMarkdown = readFileSync(API_MD, 'utf8');

const apiProcesses: ApiProcess[] = tableUnder(apiMarkdown, 'Processes and ports').map(
  ([process, port, env]) => ({
    process: process!,
    port: /^\d+$/.test(port!) ? Number(port) : undefined,
    env: envNamesIn(env!),
  }),
);

const apiSettings: ApiSetting[] = tableUnder(apiMarkdown, 'Policy settings').map(
  ([env, fallback]) => {
    const names = envNamesIn(env!);
    if (names.length !== 1) throw new Error(`policy row without one env name: ${env}`);
    return { env: names[0]!, default: unquote(fallback!) };
  },
);

const API_ENV_NAMES = new Set([
  ...apiProcesses.flatMap((row) => row.env),
  ...apiSettings.map((s) => s.env),
]);

// ---------- docs/configuration.md: the settings documented beyond API.md ----------

const CONFIGURATION_DOC = readFileSync(resolve(REPO_ROOT, 'docs', 'configuration.md'), 'utf8');

/**
 * The env names of a first cell: `ALIYUN_SMS_ACCESS_KEY_ID` / `_SECRET` / `_SIGN_NAME` abbreviates
 * names that share a head with the cell's first name; each head is taken, so an abbreviation
 * stands for ALIYUN_SMS_ACCESS_KEY_SECRET as well as ALIYUN_SMS_SIGN_NAME.
 */
function settingNamesIn(cell: string): string[] {
  const names: string[] = [];
  for (const [, token] of cell.matchAll(/`(_?[A-Z][A-Z0-9_]*)`/g)) {
    if (!token!.startsWith('_')) {
      names.push(token!);
      continue;
    }
    const parts = names[0]?.split('_') ?? [];
    if (parts.length === 0)
      throw new Error(`docs/configuration.md: "${token}" abbreviates no name in ${cell}`);
    for (let cut = 1; cut < parts.length; cut++)
      names.push(`${parts.slice(0, cut).join('_')}${token}`);
  }
  return names;
}

/** docs/configuration.md's tables: the policy table and "Beyond API.md, each service reads". */
const documentedTables = tablesUnder(CONFIGURATION_DOC, 'Configuration', 'docs/configuration.md');
const DOCUMENTED_POLICY_NAMES = documentedTables[0]!.flatMap(([env]) => settingNamesIn(env!));
const DOCUMENTED_ENV_NAMES = new Set(
  documentedTables.flat().flatMap(([env]) => settingNamesIn(env!)),
);

/** OpenTelemetry's own settings (its specification documents them), passed through as given. */
const isOpenTelemetrySetting = (name: string) => /^OTEL_[A-Z0-9_]+$/.test(name);

const documented = (name: string) =>
  API_ENV_NAMES.has(name) || DOCUMENTED_ENV_NAMES.has(name) || isOpenTelemetrySetting(name);

/** Secret settings: set as `<NAME>_FILE` pointing at a compose secret, never with a default. */
const SECRET_SETTINGS = [
  'JWT_SECRET',
  'PAYLOAD_KEYS',
  'MONGODB_URI',
  'ALIYUN_SMS_ACCESS_KEY_SECRET',
  'TEMPORAL_API_KEY',
  'METRICS_TOKEN',
] as const;

/** Compose variables that are passwords of the bundled servers: required, never defaulted. */
const PASSWORD_VARIABLES = ['TEMPORAL_DB_PASSWORD'];

/** A setting is given as itself or as its file twin (a secret). */
const FILE_TWIN: Record<string, string> = {
  PAYLOAD_KEYS: 'PAYLOAD_KEY_FILE',
  ...Object.fromEntries(
    SECRET_SETTINGS.filter((name) => name !== 'PAYLOAD_KEYS').map((name) => [name, `${name}_FILE`]),
  ),
};

/** API.md's process column → the compose service that is that process. */
const SERVICE_OF_PROCESS: Array<[RegExp, string]> = [
  [/^Temporal frontend\b/, 'temporal'],
  [/^Temporal Web UI\b/, 'temporal-ui'],
  [/^MongoDB\b/, 'mongo'],
  [/^intake service\b/, 'intake'],
  [/^notification service\b/, 'notification'],
  [/^reporting service\b/, 'reporting'],
  [/^ticket worker\b/, 'worker'],
];

/** The port each server listens on inside its container (the apps: their port setting). */
const CONTAINER_PORT: Record<string, number> = {
  temporal: 7233,
  'temporal-ui': 8080,
  mongo: 27017,
};

function serviceOf(process: string): string {
  const matches = SERVICE_OF_PROCESS.filter(([pattern]) => pattern.test(process));
  if (matches.length !== 1) throw new Error(`no single compose service for "${process}"`);
  return matches[0]![1];
}

function apiRow(service: string): ApiProcess {
  const row = apiProcesses.find((r) => serviceOf(r.process) === service);
  if (!row) throw new Error(`API.md lists no process for service ${service}`);
  return row;
}

const apiPort = (service: string) => apiRow(service).port;
const policyDefault = (env: string) => apiSettings.find((s) => s.env === env)?.default;

// ---------- docker-compose.yml ----------

interface Service {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  entrypoint?: string[] | string;
  environment?: Record<string, unknown> | string[];
  ports?: Array<string | number>;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  restart?: string;
  volumes?: string[];
  secrets?: Array<string | { source: string; target?: string }>;
  deploy?: { resources?: { limits?: { cpus?: string | number; memory?: string } } };
  mem_limit?: string;
  cpus?: string | number;
  logging?: { driver?: string; options?: Record<string, string> };
}

interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  secrets?: Record<string, { file?: string; environment?: string }>;
}

const compose = parse(readFileSync(resolve(REPO_ROOT, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as Compose;
const services = compose.services;

function service(name: string): Service {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

/** Compose interpolation with no variable set: `${X:-d}` → d, `${X:?msg}` → a marker, `$$` → `$`. */
function interpolate(value: string): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g,
    (whole, name: string | undefined, op: string | undefined, arg: string | undefined) => {
      if (whole === '$$') return '$';
      if (op?.endsWith('-')) return arg ?? '';
      if (op?.endsWith('?')) return `<required ${name}>`;
      throw new Error(`\${${name}} in docker-compose.yml has no default`);
    },
  );
}

function environment(svc: Service): Record<string, string> {
  const env = svc.environment ?? {};
  const entries = Array.isArray(env)
    ? env.map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)] as const;
      })
    : Object.entries(env).map(([key, value]) => [key, String(value)] as const);
  return Object.fromEntries(entries);
}

function dependencies(svc: Service): Record<string, string> {
  const deps = svc.depends_on ?? [];
  return Array.isArray(deps)
    ? Object.fromEntries(deps.map((name) => [name, 'service_started']))
    : Object.fromEntries(
        Object.entries(deps).map(([name, dep]) => [name, dep?.condition ?? 'service_started']),
      );
}

interface Published {
  raw: string;
  hostIp?: string;
  host: number;
  container: number;
}

function published(svc: Service): Published[] {
  return (svc.ports ?? []).map((entry) => {
    const raw = String(entry);
    const parts = interpolate(raw).split(':');
    const [hostIp, host, container] =
      parts.length === 3 ? parts : [undefined, parts[0], parts[parts.length - 1]];
    return { raw, hostIp, host: Number(host), container: Number(container) };
  });
}

const scriptOf = (svc: Service) => [svc.entrypoint ?? [], svc.command ?? []].flat().join('\n');

const APP_NAMES = APPS.map((app) => app.name);
const HTTP_APPS = APPS.filter((app) => app.portEnv);
const INFRA_ENV = apiRow('temporal').env.concat(apiRow('mongo').env);

/** docs/configuration.md's policy table default of a POLICY_* or NOTIFY_* setting. */
function readmePolicyDefault(env: string): string | undefined {
  if (!/^(POLICY|NOTIFY)_/.test(env)) return undefined;
  const row = documentedTables[0]!.find(([cell]) => settingNamesIn(cell!).includes(env));
  return row ? unquote(row[1]!) : undefined;
}

const secretsOf = (svc: Service) =>
  (svc.secrets ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.source));

/** The settings a production run of an app needs (each secret as itself or its file twin). */
function productionNeeds(app: AppSpec): string[] {
  const names = [
    ...INFRA_ENV,
    'PAYLOAD_KEYS',
    'LOG_LEVEL',
    'METRICS_TOKEN',
    'TEMPORAL_TLS',
    'TEMPORAL_TLS_CERT_FILE',
    'TEMPORAL_TLS_KEY_FILE',
    'TEMPORAL_TLS_CA_FILE',
    'TEMPORAL_TLS_SERVER_NAME',
    'TEMPORAL_API_KEY',
  ];
  if (app.portEnv) names.push(app.portEnv, 'JWT_SECRET', 'HOST', 'TRUST_PROXY');
  if (app.name === 'worker') {
    // The whole policy (quiet hours and working hours included) is read when a ticket starts.
    const policy = DOCUMENTED_POLICY_NAMES.filter((n) => n.startsWith('POLICY_'));
    names.push(...policy, ...apiSettings.map((s) => s.env), 'WORKER_HEALTH_PORT');
    names.push('WORKER_METRICS_PORT');
  }
  if (app.name === 'notification') {
    names.push('PUBLIC_BASE_URL', 'SMS_PROVIDER', 'SMS_MAX_ATTEMPTS', 'SMS_RETRY_BACKOFF');
    names.push('NOTIFY_QUIET_HOURS', 'NOTIFY_CALLER_RECEIPT');
    names.push(
      ...[
        'ACCESS_KEY_ID',
        'ACCESS_KEY_SECRET',
        'SIGN_NAME',
        'TEMPLATE_CODES',
        'ENDPOINT',
        'PROTOCOL',
        'TIMEOUT_MS',
      ].map((part) => `ALIYUN_SMS_${part}`),
    );
  }
  if (app.name === 'intake') {
    names.push('POLICY_WORKING_HOURS', 'ATTACHMENT_MAX_BYTES', 'ATTACHMENTS_DIR');
    names.push('NOTIFICATION_URL', 'REPORTING_URL', 'TEMPORAL_UI_ORIGIN');
  }
  if (app.name === 'reporting') {
    names.push(
      'POLICY_WORKING_HOURS',
      'BULLETIN_SCHEDULE',
      'BULLETIN_PERIOD_DAYS',
      'ACCEPT_WITHIN',
    );
  }
  return names;
}

// ---------- the secrets, made as docs/operations.md says ----------

const OPERATIONS_MD = resolve(REPO_ROOT, 'docs', 'operations.md');
const EXAMPLE_PUBLIC_BASE_URL = 'https://12368.court.example';

/** The shell block after `<!-- compose-secrets -->` in the runbook. */
function secretsRecipe(): string {
  const text = readFileSync(OPERATIONS_MD, 'utf8');
  const match = /<!-- compose-secrets -->\s*```sh\n([\s\S]*?)```/.exec(text);
  if (!match)
    throw new Error('docs/operations.md has no ```sh block after <!-- compose-secrets -->');
  return match[1]!;
}

let secretsFolder: string | undefined;

/** The runbook's recipe run once in a throw-away folder standing for the repository. */
function madeSecrets(): string {
  if (!secretsFolder) {
    secretsFolder = mkdtempSync(join(tmpdir(), 'compose-secrets-'));
    execFileSync('bash', ['-euo', 'pipefail', '-c', secretsRecipe()], {
      cwd: secretsFolder,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  }
  return secretsFolder;
}

/** An app's environment as its container sees it, the secrets read from the runbook's files. */
function productionValues(env: Record<string, string>): Record<string, string> {
  const folder = madeSecrets();
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => {
      const resolved = interpolate(value)
        .replace('<required PUBLIC_BASE_URL>', EXAMPLE_PUBLIC_BASE_URL)
        .replace(/^\/run\/secrets\/([a-z0-9_]+)$/, (_, secret: string) =>
          resolve(folder, compose.secrets?.[secret]?.file ?? `missing-secret-${secret}`),
        );
      return [key, resolved];
    }),
  );
}

// ---------- Dockerfile ----------

interface Stage {
  image: string;
  name?: string;
  instructions: Array<{ op: string; args: string }>;
}

function dockerfileStages(text: string): Stage[] {
  const stages: Stage[] = [];
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  for (const line of logical) {
    const [, op, args] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
    if (!op || args === undefined) continue;
    if (op.toUpperCase() === 'FROM') {
      const [, image, name] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(args) ?? [];
      stages.push({ image: image!, name, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args });
    }
  }
  return stages;
}

const stages = dockerfileStages(readFileSync(resolve(REPO_ROOT, 'Dockerfile'), 'utf8'));

/** The registry image a stage finally stands on, following `FROM <earlier stage>`. */
const baseImage = (stage: Stage) => stageChain(stage)[0]!.image;

/** The stage with the stages it is built on, the oldest first. */
function stageChain(stage: Stage): Stage[] {
  const parent = stages.find((s) => s.name === stage.image && s !== stage);
  return parent ? [...stageChain(parent), stage] : [stage];
}

const nodeMajor = (image: string) =>
  Number(/^(?:docker\.io\/)?(?:library\/)?node:(\d+)/.exec(image)?.[1]);
const runs = (stage: Stage) => stage.instructions.filter((i) => i.op === 'RUN').map((i) => i.args);

// ---------- tests ----------

describe('API.md, as read by this test', () => {
  it('has the process table and the policy table', () => {
    expect(apiProcesses.length).toBeGreaterThanOrEqual(7);
    expect(apiSettings.map((s) => s.env)).toEqual(
      expect.arrayContaining(['POLICY_DISPATCH_WITHIN', 'POLICY_WARN_AT', 'NOTIFY_QUIET_HOURS']),
    );
    expect(apiPort('intake')).toBe(3000);
  });

  it('maps each of its processes to exactly one compose service, and back', () => {
    const mapped = apiProcesses.map((row) => serviceOf(row.process));
    expect(new Set(mapped).size).toBe(mapped.length);
    expect([...mapped].sort()).toEqual(SERVICE_OF_PROCESS.map(([, name]) => name).sort());
  });

  it('agrees with the config library on ports and env names', () => {
    for (const app of HTTP_APPS) {
      expect(apiRow(app.name).env).toEqual([app.portEnv]);
      expect(apiPort(app.name)).toBe(app.defaultPort);
      expect(String(apiPort(app.name))).toBe(DEFAULTS[app.portEnv!]);
    }
    expect([...INFRA_ENV].sort()).toEqual([
      'MONGODB_URI',
      'TEMPORAL_ADDRESS',
      'TEMPORAL_NAMESPACE',
    ]);
  });
});

describe('docker-compose.yml', () => {
  it('has a service for every process of API.md, published on its port', () => {
    for (const row of apiProcesses) {
      const name = serviceOf(row.process);
      const svc = service(name);
      const ports = published(svc);
      if (row.port === undefined) {
        expect({ name, ports }).toEqual({ name, ports: [] });
        continue;
      }
      expect({ name, hosts: ports.map((p) => p.host) }).toEqual({ name, hosts: [row.port] });
      const [port] = ports;
      const portEnv = row.env.find((env) => env.endsWith('_PORT'));
      if (portEnv) {
        // Overridable by the same env name as in the embedded default.
        expect(port!.raw).toContain(`\${${portEnv}:-${row.port}}`);
      }
      const inContainer = CONTAINER_PORT[name] ?? row.port;
      expect({ name, container: port!.container }).toEqual({ name, container: inContainer });
    }
  });

  it('publishes the unauthenticated servers on the loopback interface only', () => {
    for (const name of ['temporal', 'temporal-ui', 'mongo']) {
      expect({ name, ips: published(service(name)).map((p) => p.hostIp) }).toEqual({
        name,
        ips: ['127.0.0.1'],
      });
    }
    expect(services.postgres?.ports).toBeUndefined();
  });

  it('runs each app of scripts/stack/apps.ts from the same entry point as npm start', () => {
    const built = Object.entries(services)
      .filter(([, svc]) => svc.build !== undefined)
      .map(([name]) => name);
    expect(built.sort()).toEqual([...APP_NAMES].sort());
    for (const name of APP_NAMES) {
      const command = service(name).command as string[];
      const flags = APPS.find((app) => app.name === name)?.nodeFlags ?? [];
      expect(command).toEqual([
        'node',
        '--enable-source-maps',
        ...flags,
        `dist/apps/${name}/src/main.js`,
      ]);
      expect(resolve(REPO_ROOT, command.at(-1)!)).toBe(appEntry(name));
    }
    // One image for all four.
    expect(new Set(APP_NAMES.map((name) => service(name).image)).size).toBe(1);
  });

  describe.each(APPS.map((app) => [app.name, app] as const))('the %s service', (name, app) => {
    const env = () => environment(service(name));
    const gets = (setting: string) =>
      setting in env() || (FILE_TWIN[setting] !== undefined && FILE_TWIN[setting]! in env());

    it('gets every setting a production run of it needs', () => {
      const missing = productionNeeds(app).filter((setting) => !gets(setting));
      expect(missing).toEqual([]);
    });

    it('gets no env name that API.md or docs/configuration.md does not document', () => {
      expect(Object.keys(env()).filter((key) => !documented(key))).toEqual([]);
    });

    it('mounts the secret behind every *_FILE setting it gets', () => {
      for (const [key, value] of Object.entries(env())) {
        if (!key.endsWith('_FILE') || key.startsWith('TEMPORAL_TLS_')) continue;
        const secret = /^\/run\/secrets\/([a-z0-9_]+)$/.exec(value)?.[1];
        expect({ key, secret }).toEqual({ key, secret: expect.any(String) });
        expect({ key, mounted: secretsOf(service(name)) }).toEqual({
          key,
          mounted: expect.arrayContaining([secret]),
        });
        expect({ secret, file: compose.secrets?.[secret!]?.file }).toEqual({
          secret,
          file: expect.stringMatching(/^\.\/secrets\/[a-z0-9_]+$/),
        });
      }
    });

    it('starts with a valid configuration from the secrets the runbook makes', () => {
      const values = productionValues(env());
      expect(values.TEMPORAL_ADDRESS).toBe(`temporal:${apiPort('temporal')}`);
      expect(values.TEMPORAL_NAMESPACE).toBe(DEFAULTS.TEMPORAL_NAMESPACE);
      const config = loadServiceConfig(values);
      const uri = new URL(config.mongodbUri);
      expect({ host: uri.host, db: uri.pathname }).toEqual({
        host: `mongo:${apiPort('mongo')}`,
        db: '/court12368',
      });
      expect(uri.searchParams.get('replicaSet')).toBe('rs0');
      expect(uri.searchParams.get('authSource')).toBe('admin');
      expect(uri.password).not.toBe('');
      expect(config.temporal.payloadKeys).toHaveLength(1);
      expect(config.temporal.tls).toBeUndefined();
      expect(metricsToken(values)).toEqual(expect.any(String));
      if (app.portEnv) {
        expect(env()[app.portEnv]).toBe(`\${${app.portEnv}:-${apiPort(name)}}`);
        expect(config.ports[app.name as keyof typeof config.ports]).toBe(apiPort(name));
        expect(loadAuthConfig(values).secret.length).toBeGreaterThanOrEqual(32);
      }
      if (name === 'notification') {
        const settings = loadNotificationSettings(values);
        expect(settings.publicBaseUrl).toBe(EXAMPLE_PUBLIC_BASE_URL);
        expect(settings.sms.kind).toBe('outbox');
      }
      if (name === 'worker') expect(parsePolicy(values)).toEqual(DEFAULT_POLICY);
    });

    it('has the defaults of the policy tables, overridable by the same names', () => {
      for (const [key, value] of Object.entries(env())) {
        const fallback = policyDefault(key) ?? readmePolicyDefault(key);
        if (fallback !== undefined)
          expect({ [key]: value }).toEqual({ [key]: `\${${key}:-${fallback}}` });
      }
    });

    it('reads its secrets from files, and seeds no demo data', () => {
      const values = env();
      for (const secret of SECRET_SETTINGS) expect({ [secret]: values[secret] }).toEqual({});
      if (app.portEnv) expect(values.JWT_SECRET_FILE).toBe('/run/secrets/jwt_secret');
      else expect(values.JWT_SECRET_FILE).toBeUndefined();
      if ('DEMO_SEED' in values) expect(interpolate(values.DEMO_SEED!)).toBe('false');
      expect(values.DEMO_PASSWORD).toBeUndefined();
    });

    it('starts after Temporal, the namespace set-up and the database are ready', () => {
      expect(dependencies(service(name))).toEqual({
        temporal: 'service_healthy',
        'temporal-namespace': 'service_completed_successfully',
        mongo: 'service_healthy',
        'mongo-init': 'service_completed_successfully',
      });
    });

    it('restarts, and has a health check on its own /health', () => {
      expect(service(name).restart).toBe('unless-stopped');
      const check = service(name).healthcheck;
      const portEnv = app.portEnv ?? app.healthPortEnv;
      const test = [check?.test ?? []].flat().join(' ');
      expect(test).toContain(`process.env.${portEnv}`);
      expect(test).toContain("'/health'");
    });
  });

  it('has no secret or password with a default, nor written into the file', () => {
    const raw = readFileSync(resolve(REPO_ROOT, 'docker-compose.yml'), 'utf8');
    for (const name of [...SECRET_SETTINGS, ...PASSWORD_VARIABLES]) {
      expect({ name, defaulted: new RegExp(`\\$\\{${name}:?-`).test(raw) }).toEqual({
        name,
        defaulted: false,
      });
    }
    for (const [name, svc] of Object.entries(services)) {
      for (const [key, value] of Object.entries(environment(svc))) {
        if (/(PASSWORD|SECRET|TOKEN|API_KEY|PAYLOAD_KEYS|PWD)$/.test(key)) {
          expect({ name, key, value }).toEqual({
            name,
            key,
            value: expect.stringMatching(/^\$\{[A-Z_]+:\?[^}]+\}$/),
          });
        }
        expect({ name, key, credentials: /:\/\/[^/@\s]*:[^/@\s]*@/.test(value) }).toEqual({
          name,
          key,
          credentials: false,
        });
      }
    }
    expect(environment(service('postgres')).POSTGRES_PASSWORD).toMatch(
      /^\$\{TEMPORAL_DB_PASSWORD:\?[^}]+\}$/,
    );
  });

  it('limits every service’s memory and CPU, and rotates its logs', () => {
    for (const [name, svc] of Object.entries(services)) {
      const limits = svc.deploy?.resources?.limits;
      expect({ name, memory: limits?.memory ?? svc.mem_limit }).toEqual({
        name,
        memory: expect.stringMatching(/^\d+(\.\d+)?[kmg]b?$/i),
      });
      expect({ name, cpus: Number(limits?.cpus ?? svc.cpus) }).toEqual({
        name,
        cpus: expect.any(Number),
      });
      expect(Number(limits?.cpus ?? svc.cpus)).toBeGreaterThan(0);
      expect({ name, logging: svc.logging }).toEqual({
        name,
        logging: {
          driver: 'json-file',
          options: {
            'max-size': expect.stringMatching(/^\d+[km]$/),
            'max-file': expect.any(String),
          },
        },
      });
    }
  });

  it('runs MongoDB as replica set rs0 with auth: a key file, a root user from a secret', () => {
    const mongo = service('mongo');
    const command = [mongo.command ?? []].flat();
    expect(command[command.indexOf('--replSet') + 1]).toBe('rs0');
    const keyFile = command[command.indexOf('--keyFile') + 1]!;
    expect(command).toContain('--keyFile');
    const keyVolume = (mongo.volumes ?? []).find((v) => keyFile.startsWith(v.split(':')[1]!));
    expect(keyVolume).toMatch(/:ro$/);
    expect(service('mongo-keyfile').volumes).toContainEqual(
      expect.stringMatching(new RegExp(`^${keyVolume!.split(':')[0]}:`)),
    );
    expect(scriptOf(service('mongo-keyfile'))).toMatch(/chmod 400/);
    expect(dependencies(mongo)).toEqual({ 'mongo-keyfile': 'service_completed_successfully' });
    const env = environment(mongo);
    expect(env.MONGO_INITDB_ROOT_USERNAME).toBeTruthy();
    expect(env.MONGO_INITDB_ROOT_PASSWORD).toBeUndefined();
    expect(env.MONGO_INITDB_ROOT_PASSWORD_FILE).toBe('/run/secrets/mongo_root_password');
    expect(secretsOf(mongo)).toContain('mongo_root_password');
  });

  it('initiates the replica set and the app’s user once MongoDB answers, idempotently', () => {
    const init = service('mongo-init');
    expect(dependencies(init)).toEqual({ mongo: 'service_healthy' });
    expect(secretsOf(init).sort()).toEqual(['mongo_root_password', 'mongodb_uri']);
    const script = scriptOf(init);
    expect(script).toContain('rs.initiate({ _id: "rs0"');
    expect(script).toContain('NotYetInitialized');
    expect(script).toMatch(/if \(db\.getUser\(user\)\) db\.updateUser/);
    expect(script).toContain('"replicaSet"');
    expect(script).toContain('"authSource"');
    expect(init.restart).toMatch(/^on-failure/);
  });

  it('makes every secret a file under ./secrets, each one mounted somewhere', () => {
    const declared = Object.keys(compose.secrets ?? {});
    const mounted = new Set(Object.values(services).flatMap(secretsOf));
    expect(declared.sort()).toEqual([...mounted].sort());
    for (const name of declared) {
      expect(compose.secrets![name]).toEqual({ file: `./secrets/${name}` });
    }
  });

  it('orders start-up: Temporal after its schema, the UI and the namespace after Temporal', () => {
    expect(dependencies(service('temporal-schema'))).toEqual({ postgres: 'service_healthy' });
    expect(dependencies(service('temporal'))).toEqual({
      postgres: 'service_healthy',
      'temporal-schema': 'service_completed_successfully',
    });
    expect(dependencies(service('temporal-ui'))).toEqual({ temporal: 'service_healthy' });
    expect(dependencies(service('temporal-namespace'))).toEqual({ temporal: 'service_healthy' });
  });

  it('gives every service waited on as healthy a health check', () => {
    for (const [name, svc] of Object.entries(services)) {
      for (const [dep, condition] of Object.entries(dependencies(svc))) {
        if (condition !== 'service_healthy') continue;
        const check = service(dep).healthcheck;
        expect({ name, dep, test: Boolean(check?.test) && !check?.disable }).toEqual({
          name,
          dep,
          test: true,
        });
      }
    }
  });

  it('registers every ticket search attribute in the apps’ namespace', () => {
    const setup = service('temporal-namespace');
    const script = scriptOf(setup);
    const flags = searchAttributeCliFlags(TICKET_SEARCH_ATTRIBUTES).filter(
      (flag) => flag !== '--search-attribute',
    );
    expect(flags).toHaveLength(6);
    for (const flag of flags) expect(script).toContain(flag);
    expect(script).toContain('temporal operator');
    expect(script).toContain('search-attribute create');
    expect(environment(setup).TEMPORAL_NAMESPACE).toBe(
      environment(service('worker')).TEMPORAL_NAMESPACE,
    );
    expect(setup.image).toMatch(/^temporalio\/admin-tools:/);
  });

  it('runs Temporal on PostgreSQL with its schema set up by admin-tools', () => {
    expect(service('postgres').image).toMatch(/^postgres:16\b/);
    expect(environment(service('temporal')).DB).toBe('postgres12');
    expect(scriptOf(service('temporal-schema'))).toContain('temporal-sql-tool --plugin postgres12');
    const server = service('temporal').image!.split(':')[1];
    expect(service('temporal-schema').image).toBe(`temporalio/admin-tools:${server}`);
    expect(service('temporal-namespace').image).toBe(`temporalio/admin-tools:${server}`);
  });

  it('pins every pulled image to a version', () => {
    for (const [name, svc] of Object.entries(services)) {
      if (svc.build !== undefined) continue;
      const tag = /:([^/:]+)$/.exec(svc.image ?? '')?.[1];
      expect({ name, tag }).toEqual({ name, tag: expect.stringMatching(/^(?!latest$)[\w.-]+$/) });
    }
  });

  it('keeps the databases on named volumes', () => {
    const volumes = Object.keys(compose.volumes ?? {});
    for (const [name, path] of [
      ['mongo', '/data/db'],
      ['postgres', '/var/lib/postgresql/data'],
    ] as const) {
      const mount = (service(name).volumes ?? []).find((v) => v.endsWith(`:${path}`));
      expect({ name, mount }).toEqual({ name, mount: expect.any(String) });
      expect(volumes).toContain(mount!.split(':')[0]);
    }
  });
});

describe('Dockerfile', () => {
  const final = stages.at(-1)!;
  const buildStage = stages.find((stage) => runs(stage).some((r) => /\bnpm run build\b/.test(r)));

  it('runs on a current Node LTS, not Node 20', () => {
    const major = nodeMajor(baseImage(final));
    expect(major).not.toBe(20);
    expect(major).toBeGreaterThanOrEqual(22);
    expect(major % 2).toBe(0);
  });

  it('installs everything and builds in a build stage, on the same Node', () => {
    expect(buildStage).toBeDefined();
    expect(buildStage).not.toBe(final);
    const commands = runs(buildStage!);
    const install = commands.findIndex((r) => /\bnpm ci\b/.test(r) && !/--omit=dev/.test(r));
    const build = commands.findIndex((r) => /\bnpm run build\b/.test(r));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(build).toBeGreaterThan(install);
    expect(nodeMajor(baseImage(buildStage!))).toBe(nodeMajor(baseImage(final)));
  });

  it('ships production dependencies and dist/ only, as a non-root user', () => {
    const commands = runs(final);
    expect(commands.some((r) => /\bnpm (ci|prune)\b.*--omit=dev/.test(r))).toBe(true);
    const copies = final.instructions.filter((i) => i.op === 'COPY').map((i) => i.args);
    expect(copies).toContainEqual(
      expect.stringMatching(new RegExp(`--from=${buildStage?.name}\\s+\\S*dist\\s`)),
    );
    const env = final.instructions.filter((i) => i.op === 'ENV').map((i) => i.args);
    expect(env).toContainEqual(expect.stringMatching(/\bNODE_ENV=production\b/));
    const users = final.instructions.filter((i) => i.op === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });

  it('starts an app entry point from its working directory, with a /health check', () => {
    const workdir = stageChain(final)
      .flatMap((s) => s.instructions)
      .filter((i) => i.op === 'WORKDIR')
      .at(-1)?.args;
    expect(workdir).toBe('/app');
    const cmd = JSON.parse(final.instructions.find((i) => i.op === 'CMD')!.args) as string[];
    expect(APP_NAMES.map((name) => resolve(REPO_ROOT, cmd.at(-1)!) === appEntry(name))).toContain(
      true,
    );
    const healthcheck = final.instructions.find((i) => i.op === 'HEALTHCHECK')?.args ?? '';
    expect(healthcheck).toContain('/health');
    expect(healthcheck).toContain('fetch(');
  });

  it('keeps local build output, data and secrets out of the build context', () => {
    const ignored = readFileSync(resolve(REPO_ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    expect(ignored).toEqual(
      expect.arrayContaining([
        'node_modules',
        'dist',
        '.tools',
        'data',
        '.git',
        'coverage',
        'secrets',
      ]),
    );
  });
});
