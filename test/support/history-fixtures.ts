import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/**
 * Recorded histories of real ticket paths, replayed in CI so that a change that would break
 * running tickets fails. Stored as binary protobuf (`.binpb`): the SDK's JSON converters trip
 * over jest's module isolation ("type must be a Type"); `temporal workflow show --output json`
 * gives the same histories in JSON for reading.
 */
export const HISTORIES_DIR = join(__dirname, '..', 'fixtures', 'histories');
const { History } = temporal.api.history.v1;

/** Writes the history of a finished path as a fixture, when run with RECORD_HISTORIES=1. */
export async function recordHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  mkdirSync(HISTORIES_DIR, { recursive: true });
  const history = History.fromObject(await handle.fetchHistory());
  writeFileSync(join(HISTORIES_DIR, `${name}.binpb`), History.encode(history).finish());
}

export function recordedHistories(): { name: string; history: temporal.api.history.v1.History }[] {
  return readdirSync(HISTORIES_DIR)
    .filter((file) => file.endsWith('.binpb'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.binpb$/, ''),
      history: History.decode(readFileSync(join(HISTORIES_DIR, file))),
    }));
}
