import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSetting } from '../libs/config/src/service-config';
import {
  createDirectory,
  DEMO_DIRECTORY,
  decideDisposition,
  NO_FLAGS,
  type Policy,
} from '../libs/domain/src';
import { type ProvidedServer, provideDatabase, provideTemporal } from '../scripts/stack/servers';
import type { Supervisor } from '../scripts/stack/supervisor';
import type { TicketWorkflowInput } from '../workflows/ticket/contract';

/** The nearest-rank percentile `p` (0–100) of ascending values; NaN for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

export interface BenchServers {
  temporal: ProvidedServer;
  database: ProvidedServer;
  /** The bench's own database: BENCH_MONGODB_URI, else `database` on the server provided. */
  benchUri: string;
}

/**
 * Temporal and the database as `npm start` finds them (TEMPORAL_ADDRESS, MONGODB_URI, else the
 * embedded servers, started under `supervisor` with a throw-away data folder), and the URI of
 * the bench's own database on it.
 */
export async function provideBenchServers(
  supervisor: Supervisor,
  options: { dataDirPrefix: string; database: string },
): Promise<BenchServers> {
  const plan = {
    temporalAddress: readSetting(process.env, 'TEMPORAL_ADDRESS'),
    temporalUiPort: 0,
    mongodbUri: readSetting(process.env, 'MONGODB_URI'),
    dataDir: mkdtempSync(join(tmpdir(), options.dataDirPrefix)),
    persistent: false,
    ui: false,
  };
  const [temporal, database] = await Promise.all([
    provideTemporal(supervisor, plan),
    provideDatabase(supervisor, plan),
  ]);
  console.log(`Temporal: ${temporal.source}\ndatabase: ${database.source}`);
  const url = new URL(process.env.BENCH_MONGODB_URI ?? database.address);
  if (!process.env.BENCH_MONGODB_URI) url.pathname = `/${options.database}`;
  return { temporal, database, benchUri: url.toString() };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A petition (信访) ticket's workflow input, as the intake would start it: routed by the demo
 * directory's rule table, received now. The benches start their tickets straight on Temporal.
 */
export function petitionTicket(
  ticketId: string,
  policy: Policy,
  departmentHead: TicketWorkflowInput['departmentHead'] = null,
): TicketWorkflowInput {
  const decided = decideDisposition({ type: 'petition', flags: NO_FLAGS }, DEMO_ROUTING);
  if (!decided.ok) throw new Error('the demo directory does not route a petition');
  return {
    ticketId,
    type: 'petition',
    caseNumber: null,
    flags: NO_FLAGS,
    receivedAt: new Date().toISOString(),
    disposition: decided.value,
    departmentHead,
    policy,
    loggedBy: 'agent01',
  };
}

const DEMO_ROUTING = createDirectory(DEMO_DIRECTORY);
