import type { Storage } from '@court/database';
import type { WorkerHost } from '@court/temporal';
import type { Connection as TemporalConnection } from '@temporalio/client';
import type { Response } from 'express';
import { WorkerHealthController } from './worker-health.controller';
import { workerHealthPort } from './worker-settings';

function controller(state: { database: boolean; temporal: boolean; running: boolean }) {
  const answer = (ok: boolean) => (ok ? Promise.resolve({}) : Promise.reject(new Error('down')));
  const storage = { databaseHealth: { ping: () => answer(state.database) } };
  const temporal = { healthService: { check: () => answer(state.temporal) } };
  const worker = { isRunning: () => state.running };
  return new WorkerHealthController(
    storage as unknown as Storage,
    temporal as unknown as TemporalConnection,
    worker as unknown as WorkerHost,
  );
}

async function check(state: { database: boolean; temporal: boolean; running: boolean }) {
  let status = 0;
  const response = {
    status(code: number) {
      status = code;
      return this;
    },
  } as unknown as Response;
  const body = await controller(state).health(response);
  return { status, body };
}

describe('the ticket worker’s GET /health', () => {
  it('is 200 ok while its worker runs and the database and Temporal answer', async () => {
    expect(await check({ database: true, temporal: true, running: true })).toEqual({
      status: 200,
      body: { status: 'ok', checks: { database: 'ok', temporal: 'ok', worker: 'ok' } },
    });
  });

  it('is 503 naming the failing check otherwise', async () => {
    const stopped = await check({ database: true, temporal: true, running: false });
    expect(stopped).toEqual({
      status: 503,
      body: {
        status: 'unavailable',
        checks: { database: 'ok', temporal: 'ok', worker: 'not running' },
      },
    });
    const noDatabase = await check({ database: false, temporal: true, running: true });
    expect(noDatabase.status).toBe(503);
    expect(noDatabase.body.checks.database).toBe('unreachable');
    const noTemporal = await check({ database: true, temporal: false, running: true });
    expect(noTemporal.status).toBe(503);
    expect(noTemporal.body.checks.temporal).toBe('unreachable');
  });
});

describe('WORKER_HEALTH_PORT', () => {
  it('defaults to 3003', () => {
    expect(workerHealthPort({})).toBe(3003);
    expect(workerHealthPort({ WORKER_HEALTH_PORT: ' 13003 ' })).toBe(13003);
  });

  it('refuses what is not a TCP port', () => {
    expect(() => workerHealthPort({ WORKER_HEALTH_PORT: '70000' })).toThrow(
      'WORKER_HEALTH_PORT="70000" is not a TCP port',
    );
  });
});
