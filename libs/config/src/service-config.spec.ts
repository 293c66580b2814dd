import { ConfigError, loadServiceConfig, parseHostPort } from './service-config';

describe('loadServiceConfig', () => {
  it('uses the defaults of API.md when nothing is set', () => {
    expect(loadServiceConfig({})).toEqual({
      temporal: { address: '127.0.0.1:7233', namespace: 'default' },
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
    expect(config.temporal).toEqual({ address: 'temporal:7233', namespace: 'court' });
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
