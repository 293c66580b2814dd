import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadServiceConfig, parseHostPort } from './service-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadServiceConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadServiceConfig', () => {
  it('uses the defaults of API.md when nothing is set', () => {
    expect(loadServiceConfig({})).toEqual({
      temporal: {
        address: '127.0.0.1:7233',
        namespace: 'default',
        payloadKeys: [],
        uiOrigin: 'http://127.0.0.1:8233',
      },
      mongodbUri: 'mongodb://127.0.0.1:27017/court12368',
      ports: { intake: 3000, notification: 3001, reporting: 3002 },
    });
  });

  it('takes every setting from the environment', () => {
    const config = loadServiceConfig({
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'court',
      MONGODB_URI: 'mongodb://mongo:27017/ledger',
      INTAKE_PORT: '8080',
      NOTIFICATION_PORT: '8081',
      REPORTING_PORT: '8082',
    });
    expect(config.temporal).toMatchObject({ address: 'temporal:7233', namespace: 'court' });
    expect(config.ports).toEqual({ intake: 8080, notification: 8081, reporting: 8082 });
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadServiceConfig({ TEMPORAL_ADDRESS: 'no-port', INTAKE_PORT: '70000', MONGODB_URI: 'x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toHaveLength(3);
    expect(problems.some((p) => p.startsWith('TEMPORAL_ADDRESS='))).toBe(true);
    expect(problems.some((p) => p.startsWith('INTAKE_PORT='))).toBe(true);
    expect(problems.some((p) => p.startsWith('MONGODB_URI='))).toBe(true);
  });
});

describe('the database URI (MONGODB_URI / MONGODB_URI_FILE)', () => {
  const replicaSetUri =
    'mongodb://court12368:p%40ss@mongo-1:27017,mongo-2:27017/court12368?replicaSet=rs0&authSource=admin&tls=true&tlsCAFile=/run/secrets/mongo-ca.pem';

  it('keeps a URI with credentials, hosts and TLS options exactly as given', () => {
    expect(loadServiceConfig({ MONGODB_URI: replicaSetUri }).mongodbUri).toBe(replicaSetUri);
  });

  it('reads the URI from MONGODB_URI_FILE (a Docker or Kubernetes secret)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mongodb-uri-')), 'uri');
    writeFileSync(file, `${replicaSetUri}\n`);
    expect(loadServiceConfig({ MONGODB_URI_FILE: file }).mongodbUri).toBe(replicaSetUri);
  });

  it('never repeats the password of a bad URI', () => {
    const problems = problemsOf({ MONGODB_URI: 'http://app:hunter2@mongo/db' });
    expect(problems).toEqual([
      'MONGODB_URI="http://app:***@mongo/db" must start with mongodb:// or mongodb+srv://',
    ]);
  });

  it('refuses MONGODB_URI and MONGODB_URI_FILE together', () => {
    expect(problemsOf({ MONGODB_URI: replicaSetUri, MONGODB_URI_FILE: '/dev/null' })).toEqual([
      'MONGODB_URI and MONGODB_URI_FILE are both set: set one of them',
    ]);
  });
});

describe('Temporal TLS and API key in the service config', () => {
  it('carries them in the Temporal settings, and reports their problems with the others', () => {
    expect(loadServiceConfig({ TEMPORAL_API_KEY: 'cloud-key' }).temporal).toMatchObject({
      tls: {},
      apiKey: 'cloud-key',
    });
    expect(problemsOf({ TEMPORAL_TLS_KEY_FILE: '/dev/null', INTAKE_PORT: '0' })).toEqual([
      'INTAKE_PORT="0" is not a TCP port (1–65535)',
      'TEMPORAL_TLS_KEY_FILE="/dev/null" holds no PEM private key (an encrypted key is not supported)',
      'TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together (the mTLS client certificate and its key)',
    ]);
  });
});

describe('payload keys (PAYLOAD_KEYS / PAYLOAD_KEY_FILE)', () => {
  const k1 = Buffer.alloc(32, 1);
  const k2 = Buffer.alloc(32, 2);
  const entry = (id: string, key: Buffer) => `${id}:${key.toString('base64')}`;

  it('none set: no keys (plain payloads) outside production', () => {
    expect(loadServiceConfig({}).temporal.payloadKeys).toEqual([]);
    expect(loadServiceConfig({ NODE_ENV: 'development' }).temporal.payloadKeys).toEqual([]);
  });

  it('none set in production: refuses to start', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      expect.stringContaining('PAYLOAD_KEYS or PAYLOAD_KEY_FILE required in production'),
    ]);
  });

  it('PAYLOAD_KEYS: a comma list, the first one encrypting', () => {
    const config = loadServiceConfig({
      PAYLOAD_KEYS: ` ${entry('2026-02', k2)} , ${entry('2025-11', k1)} `,
      NODE_ENV: 'production',
    });
    expect(config.temporal.payloadKeys).toEqual([
      { id: '2026-02', key: k2 },
      { id: '2025-11', key: k1 },
    ]);
  });

  it('PAYLOAD_KEY_FILE: one entry a line, comments and blank lines skipped', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'payload-keys-')), 'keys');
    writeFileSync(
      file,
      `# rotated 2026-02\n${entry('new', k2)}\n\n  # the old one\n${entry('old', k1)}\n`,
    );
    expect(loadServiceConfig({ PAYLOAD_KEY_FILE: file }).temporal.payloadKeys).toEqual([
      { id: 'new', key: k2 },
      { id: 'old', key: k1 },
    ]);
  });

  it('names the variable and the entry of every bad key, never the key itself', () => {
    const short = Buffer.alloc(31, 3).toString('base64');
    const problems = problemsOf({
      PAYLOAD_KEYS: [entry('a', k1), 'b:not*base64', `c:${short}`, entry('a', k2), 'no-colon'].join(
        ',',
      ),
    });
    expect(problems).toEqual([
      'PAYLOAD_KEYS entry 2: key "b" is not base64; AES-256 needs 32 (e.g. openssl rand -base64 32)',
      'PAYLOAD_KEYS entry 3: key "c" is 31 bytes; AES-256 needs 32 (e.g. openssl rand -base64 32)',
      'PAYLOAD_KEYS entry 4: key id "a" appears twice',
      expect.stringMatching(/^PAYLOAD_KEYS entry 5: expected <id>:<base64 of 32 bytes>/),
    ]);
    expect(problems.join('\n')).not.toContain(short);
  });

  it('a key file: the line of a bad entry; unreadable or empty files; not both settings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'payload-keys-'));
    const bad = join(dir, 'bad');
    writeFileSync(bad, `# keys\n${entry('ok', k1)}\nbad:${Buffer.alloc(16).toString('base64')}\n`);
    expect(problemsOf({ PAYLOAD_KEY_FILE: bad })).toEqual([
      expect.stringMatching(/^PAYLOAD_KEY_FILE=".*bad" line 3: key "bad" is 16 bytes/),
    ]);
    const empty = join(dir, 'empty');
    writeFileSync(empty, '# nothing yet\n');
    expect(problemsOf({ PAYLOAD_KEY_FILE: empty })).toEqual([
      expect.stringContaining('holds no key'),
    ]);
    expect(problemsOf({ PAYLOAD_KEY_FILE: join(dir, 'missing') })).toEqual([
      expect.stringMatching(/^PAYLOAD_KEY_FILE=".*missing" cannot be read \(ENOENT\)$/),
    ]);
    expect(problemsOf({ PAYLOAD_KEYS: entry('a', k1), PAYLOAD_KEY_FILE: bad })).toEqual([
      'PAYLOAD_KEYS and PAYLOAD_KEY_FILE are both set: set one of them',
    ]);
  });
});

describe('TEMPORAL_UI_ORIGIN', () => {
  it('defaults to the embedded Web UI on TEMPORAL_UI_PORT', () => {
    expect(loadServiceConfig({ TEMPORAL_UI_PORT: '9233' }).temporal.uiOrigin).toBe(
      'http://127.0.0.1:9233',
    );
  });

  it('takes an origin, and refuses a path or another scheme', () => {
    expect(
      loadServiceConfig({ TEMPORAL_UI_ORIGIN: 'https://temporal.court.example/' }).temporal
        .uiOrigin,
    ).toBe('https://temporal.court.example');
    for (const value of ['https://temporal.court.example/ui', 'ftp://x', 'temporal:8233']) {
      expect(problemsOf({ TEMPORAL_UI_ORIGIN: value })).toEqual([
        expect.stringMatching(/^TEMPORAL_UI_ORIGIN=".*" must be an origin/),
      ]);
    }
  });
});

describe('parseHostPort', () => {
  it.each([
    ['127.0.0.1:7233', { host: '127.0.0.1', port: 7233 }],
    ['[::1]:7233', { host: '::1', port: 7233 }],
    ['temporal:7233', { host: 'temporal', port: 7233 }],
    ['temporal', null],
    ['temporal:0', null],
  ])('%s', (input, expected) => {
    expect(parseHostPort(input)).toEqual(expected);
  });
});
