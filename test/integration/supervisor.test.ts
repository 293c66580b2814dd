import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { freePort, waitUntil } from '../../scripts/stack/probes';
import { ProvidedServer, provideDatabase, provideTemporal } from '../../scripts/stack/servers';
import { Supervisor } from '../../scripts/stack/supervisor';

/**
 * `npm start`'s supervisor with the real embedded servers, on free ports and a data folder of
 * this file's own: a Temporal dev server or FerretDB killed with SIGKILL is started again on
 * its files, and connections made before (as the apps hold them) answer again by themselves.
 */
describe('the supervisor restarts the embedded servers', () => {
  const supervisor = new Supervisor();
  let servers: ProvidedServer[] = [];
  let temporalAddress = '';
  let mongodbUri = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'court12368-supervisor-'));

  beforeAll(async () => {
    const plan = {
      temporalAddress: `127.0.0.1:${await freePort()}`,
      temporalUiPort: 0,
      mongodbUri: `mongodb://127.0.0.1:${await freePort()}/supervisor_test`,
      dataDir,
      persistent: true,
      ui: false,
    };
    servers = await Promise.all([
      provideTemporal(supervisor, plan),
      provideDatabase(supervisor, plan),
    ]);
    [temporalAddress, mongodbUri] = [plan.temporalAddress, plan.mongodbUri];
  });

  afterAll(async () => {
    await supervisor.stopAll();
    for (const server of [...servers].reverse()) await server.stop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function killed(name: string): number {
    const pid = supervisor.pids()[name];
    if (pid === undefined) throw new Error(`${name} is not a supervised process (no Go tools?)`);
    process.kill(pid, 'SIGKILL');
    return pid;
  }

  it('FerretDB: restarted on its SQLite files; a connection made before reads the data again', async () => {
    const database = await mongoose
      .createConnection(mongodbUri, { serverSelectionTimeoutMS: 1_000 })
      .asPromise();
    try {
      const notes = database.collection<{ _id: string; text: string }>('notes');
      await notes.insertOne({ _id: 'before', text: 'written before the kill' });

      const started = Date.now();
      const oldPid = killed('ferretdb');
      await waitUntil(
        'FerretDB answering again',
        async () => {
          if (supervisor.pids().ferretdb === oldPid) return false;
          const note = await notes.findOne({ _id: 'before' }).catch(() => null);
          return note?.text === 'written before the kill';
        },
        30_000,
      );
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await database.close();
    }
  });

  it('Temporal: restarted on its SQLite file; a client connection made before answers again', async () => {
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      const { namespaceInfo } = await connection.workflowService.describeNamespace({
        namespace: 'default',
      });
      const started = Date.now();
      const oldPid = killed('temporal');
      await waitUntil(
        'Temporal answering again',
        async () => {
          if (supervisor.pids().temporal === oldPid) return false;
          const answer = await connection.workflowService
            .describeNamespace({ namespace: 'default' })
            .catch(() => null);
          return answer?.namespaceInfo?.id === namespaceInfo?.id;
        },
        30_000,
      );
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await connection.close();
    }
  });
});
