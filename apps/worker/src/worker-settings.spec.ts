import {
  workerCachedWorkflows,
  workerMetricsBindAddress,
  workerMetricsPort,
} from './worker-settings';

describe('WORKER_METRICS_PORT', () => {
  it('defaults to 9464 and takes off for none', () => {
    expect(workerMetricsPort({})).toBe(9464);
    expect(workerMetricsPort({ WORKER_METRICS_PORT: ' 19464 ' })).toBe(19464);
    expect(workerMetricsPort({ WORKER_METRICS_PORT: 'OFF' })).toBeNull();
  });

  it('refuses what is not a TCP port', () => {
    expect(() => workerMetricsPort({ WORKER_METRICS_PORT: '0' })).toThrow(
      'WORKER_METRICS_PORT="0" is not a TCP port',
    );
    expect(() => workerMetricsPort({ WORKER_METRICS_PORT: 'yes' })).toThrow('or off');
  });

  it('binds on the services’ listening address (HOST)', () => {
    expect(workerMetricsBindAddress({})).toBe('127.0.0.1:9464');
    expect(workerMetricsBindAddress({ HOST: '0.0.0.0', WORKER_METRICS_PORT: '9500' })).toBe(
      '0.0.0.0:9500',
    );
    expect(workerMetricsBindAddress({ HOST: '::' })).toBe('[::]:9464');
    expect(workerMetricsBindAddress({ WORKER_METRICS_PORT: 'off' })).toBeUndefined();
  });
});

describe('WORKER_CACHED_WORKFLOWS', () => {
  it('defaults to 500 and takes a count', () => {
    expect(workerCachedWorkflows({})).toBe(500);
    expect(workerCachedWorkflows({ WORKER_CACHED_WORKFLOWS: ' 2000 ' })).toBe(2000);
  });

  it('refuses fewer than the tasks the worker runs at once, and what is not a count', () => {
    expect(() => workerCachedWorkflows({ WORKER_CACHED_WORKFLOWS: '10' })).toThrow(
      'WORKER_CACHED_WORKFLOWS="10" is not a number of workflows from 40 to 100000',
    );
    expect(() => workerCachedWorkflows({ WORKER_CACHED_WORKFLOWS: 'many' })).toThrow('from 40');
  });
});
