import { Storage } from '@court/database';
import { Global, Logger, Module } from '@nestjs/common';
import { INTAKE_SETTINGS, loadIntakeSettings } from './intake-settings';

/** The repositories the intake reads and writes, on the service's one connection (Storage). */
export type IntakeStore = Pick<
  Storage,
  | 'accounts'
  | 'calendar'
  | 'callers'
  | 'directory'
  | 'ticketLedger'
  | 'voicemails'
  | 'ticketNumbers'
  | 'idempotencyKeys'
  | 'workflowStarts'
  | 'demoSeed'
>;

/** The intake's store, provided once the caller lookup exists (see `buildLookupOnce`). */
export const INTAKE_STORE = Symbol('INTAKE_STORE');

@Global()
@Module({
  providers: [
    {
      provide: INTAKE_STORE,
      inject: [Storage],
      useFactory: async (storage: Storage): Promise<IntakeStore> => {
        await buildLookupOnce(storage);
        return storage;
      },
    },
    { provide: INTAKE_SETTINGS, useFactory: () => loadIntakeSettings() },
  ],
  exports: [INTAKE_STORE, INTAKE_SETTINGS],
})
export class IntakeStoreModule {}

/** A ledger from before the caller lookup existed gets it once, before the first call is logged. */
async function buildLookupOnce(storage: Storage): Promise<void> {
  const started = Date.now();
  const result = await storage.buildCallerLookup();
  if (result.built) {
    new Logger('CallerLookup').log(
      `来电人与案号索引已建立：${result.tickets} 件工单，用时 ${Date.now() - started} ms`,
    );
  }
}
