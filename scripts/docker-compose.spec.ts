import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { DEFAULTS, loadServiceConfig } from '../libs/config/src/service-config';
import { searchAttributeCliFlags } from '../libs/temporal/src/search-attributes';
import { APPS, AppSpec, appEntry } from './stack/apps';
import { REPO_ROOT } from './stack/paths';

/**
 * The production-shaped stack (docker-compose.yml, Dockerfile) against the public contract:
 * API.md is read at test time, so a process, port or setting added there shows up here.
 */

const API_MD = resolve(__dirname, '..', '..', 'shared', 'spec', 'API.md');

// ---------- API.md ----------

/** The rows of the first table under the `## …` heading that contains `heading`. */
function tableUnder(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith('## ') && line.includes(heading));
  if (start < 0) throw new Error(`API.md has no "## …${heading}…" section`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    if (!line.trimStart().startsWith('|')) {
      if (rows.length > 0) break;
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
  if (rows.length < 3 || !/^[-\s|:]+$/.test(rows[1]!.join('|'))) {
    throw new Error(`API.md's "${heading}" table has no header and rows`);
  }
  return rows.slice(2);
}

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

/** Env names the apps may get beyond API.md's tables. */
const EXTRA_ENV_NAMES = new Set([
  'JWT_SECRET',
  'DEMO_PASSWORD',
  'DEMO_SEED',
  'NODE_ENV',
  // the apps' listening address (loopback by default; all interfaces in a container)
  'HOST',
  // Express "trust proxy" for the client address behind a reverse proxy
  'TRUST_PROXY',
  // where the intake forwards the web UI's notification and reporting paths
  'NOTIFICATION_URL',
  'REPORTING_URL',
  // where the ticket worker answers GET /health
  'WORKER_HEALTH_PORT',
  // the workflow payload keys
  'PAYLOAD_KEYS',
]);

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
}

interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
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
    const resolved = () =>
      Object.fromEntries(Object.entries(env()).map(([key, value]) => [key, interpolate(value)]));

    const required = (spec: AppSpec): string[] => {
      const names = [...INFRA_ENV];
      if (spec.portEnv) names.push(spec.portEnv, 'JWT_SECRET');
      if (spec.name === 'notification') names.push('NOTIFY_QUIET_HOURS');
      // The worker reads the whole policy table (quiet hours included) when a ticket starts.
      if (spec.name === 'worker') names.push(...apiSettings.map((s) => s.env));
      return names;
    };

    it('gets every env name it needs', () => {
      expect(Object.keys(env()).sort()).toEqual(expect.arrayContaining(required(app)));
    });

    it('gets no env name outside API.md and the listed extras', () => {
      const unknown = Object.keys(env()).filter(
        (key) => !API_ENV_NAMES.has(key) && !EXTRA_ENV_NAMES.has(key),
      );
      expect(unknown).toEqual([]);
    });

    it('points at the stack’s own Temporal and database, with a valid configuration', () => {
      const values = resolved();
      expect(values.TEMPORAL_ADDRESS).toBe(`temporal:${apiPort('temporal')}`);
      expect(values.TEMPORAL_NAMESPACE).toBe(DEFAULTS.TEMPORAL_NAMESPACE);
      expect(values.MONGODB_URI).toMatch(new RegExp(`^mongodb://mongo:${apiPort('mongo')}/\\w+$`));
      // A required secret is the operator's to give: stand in a valid one for the check.
      expect(values.PAYLOAD_KEYS).toBe('<required PAYLOAD_KEYS>');
      const config = loadServiceConfig({
        ...values,
        PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
      });
      if (app.portEnv) {
        expect(env()[app.portEnv]).toBe(`\${${app.portEnv}:-${apiPort(name)}}`);
        expect(Number(values[app.portEnv])).toBe(apiPort(name));
        expect(config.ports[app.name as keyof typeof config.ports]).toBe(apiPort(name));
      }
    });

    it('has the defaults of API.md’s policy table, overridable by the same names', () => {
      for (const [key, value] of Object.entries(env())) {
        const fallback = policyDefault(key);
        if (fallback !== undefined)
          expect({ [key]: value }).toEqual({ [key]: `\${${key}:-${fallback}}` });
      }
    });

    it('requires JWT_SECRET when it serves HTTP, and seeds no demo data by default', () => {
      const values = env();
      if (app.portEnv) expect(values.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
      else expect(values.JWT_SECRET).toBeUndefined();
      if ('DEMO_SEED' in values) expect(interpolate(values.DEMO_SEED!)).toBe('false');
    });

    it('starts after Temporal, the namespace set-up and the database are ready', () => {
      expect(dependencies(service(name))).toEqual({
        temporal: 'service_healthy',
        'temporal-namespace': 'service_completed_successfully',
        mongo: 'service_healthy',
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
    const flags = searchAttributeCliFlags().filter((flag) => flag !== '--search-attribute');
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

  it('keeps local build output and data out of the build context', () => {
    const ignored = readFileSync(resolve(REPO_ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    expect(ignored).toEqual(
      expect.arrayContaining(['node_modules', 'dist', '.tools', 'data', '.git', 'coverage']),
    );
  });
});
