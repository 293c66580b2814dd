import { appInstances } from './apps';
import { replicaCount, replicaName, replicaPort, replicaPortSetting } from './replicas';

describe('replicaCount', () => {
  it('is 1 unless asked for more', () => {
    expect(replicaCount([], {})).toBe(1);
  });

  it('reads --replicas N, --replicas=N, or STACK_REPLICAS; the command line wins', () => {
    expect(replicaCount(['--replicas', '2'], {})).toBe(2);
    expect(replicaCount(['--replicas=3'], {})).toBe(3);
    expect(replicaCount([], { STACK_REPLICAS: ' 2 ' })).toBe(2);
    expect(replicaCount(['--replicas', '3'], { STACK_REPLICAS: '2' })).toBe(3);
  });

  it('refuses anything but a whole number from 1 to 9, naming where it came from', () => {
    expect(() => replicaCount(['--replicas'], {})).toThrow('--replicas="" must be a whole number');
    expect(() => replicaCount(['--replicas', '0'], {})).toThrow('from 1 to 9');
    expect(() => replicaCount(['--replicas=1.5'], {})).toThrow('--replicas="1.5"');
    expect(() => replicaCount([], { STACK_REPLICAS: '10' })).toThrow('STACK_REPLICAS="10"');
  });
});

describe('replica names and ports', () => {
  it('names the first instance after its app and numbers the others', () => {
    expect([1, 2, 3].map((n) => replicaName('intake', n))).toEqual([
      'intake',
      'intake-2',
      'intake-3',
    ]);
  });

  it('puts the n-th instance 10 ports above the one before', () => {
    expect([1, 2, 3].map((n) => replicaPort(3000, n))).toEqual([3000, 3010, 3020]);
    expect(replicaPortSetting(' 9000 ', 9464, 3)).toBe('9020');
    expect(replicaPortSetting(undefined, 9464, 1)).toBe('9464');
  });
});

describe('appInstances', () => {
  const summary = (env: NodeJS.ProcessEnv, replicas: number) =>
    appInstances(env, replicas).map(({ name, healthPort, url }) => ({ name, healthPort, url }));

  it('runs one of each app on its default ports', () => {
    expect(summary({}, 1)).toEqual([
      { name: 'worker', healthPort: 3003, url: undefined },
      { name: 'notification', healthPort: 3001, url: 'http://127.0.0.1:3001' },
      { name: 'reporting', healthPort: 3002, url: 'http://127.0.0.1:3002' },
      { name: 'intake', healthPort: 3000, url: 'http://127.0.0.1:3000' },
    ]);
  });

  it('with 2 replicas, a second worker, notification and intake 10 ports up; reporting stays one', () => {
    expect(summary({}, 2).slice(4)).toEqual([
      { name: 'worker-2', healthPort: 3013, url: undefined },
      { name: 'notification-2', healthPort: 3011, url: 'http://127.0.0.1:3011' },
      { name: 'intake-2', healthPort: 3010, url: 'http://127.0.0.1:3010' },
    ]);
  });

  it('counts from the configured ports, and tells each instance its own port', () => {
    const env = { INTAKE_PORT: '13000', WORKER_HEALTH_PORT: '13003', OTHER: 'kept' };
    const instances = appInstances(env, 2);
    const intake2 = instances.find((instance) => instance.name === 'intake-2')!;
    expect(intake2.env).toMatchObject({ INTAKE_PORT: '13010', OTHER: 'kept' });
    const worker2 = instances.find((instance) => instance.name === 'worker-2')!;
    expect(worker2.env.WORKER_HEALTH_PORT).toBe('13013');
    expect(instances.find((instance) => instance.name === 'intake')!.env.INTAKE_PORT).toBe('13000');
  });

  it('moves the worker’s SDK metrics port (WORKER_METRICS_PORT) up with it; off stays off', () => {
    const port = (env: NodeJS.ProcessEnv, name: string) =>
      appInstances(env, 2).find((instance) => instance.name === name)!.env.WORKER_METRICS_PORT;
    expect([port({}, 'worker'), port({}, 'worker-2')]).toEqual(['9464', '9474']);
    expect(port({ WORKER_METRICS_PORT: '19464' }, 'worker-2')).toBe('19474');
    expect(port({ WORKER_METRICS_PORT: 'off' }, 'worker-2')).toBe('off');
    expect(port({}, 'intake-2')).toBeUndefined();
  });
});
