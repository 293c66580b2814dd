import {
  AccountStore,
  buildCallerLookup,
  type CalendarOverrideDoc,
  CalendarStore,
  CallerLookup,
  calendarOverrideModel,
  type DirectoryModels,
  type DirectoryPersonDoc,
  directoryModels,
  directoryPersonModel,
  type IdempotencyKeyDoc,
  idempotencyKeyModel,
  type LedgerModels,
  ledgerModels,
  type TicketIdDoc,
  ticketIdModel,
  type UserDoc,
  userModel,
  type VoicemailDoc,
  voicemailModel,
  type WorkflowStartDoc,
  workflowStartModel,
} from '@court/database';
import { Global, Logger, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { INTAKE_SETTINGS, loadIntakeSettings } from './intake-settings';

/** The collections the intake reads and writes, on the service's one connection. */
export interface IntakeModels {
  users: Model<UserDoc>;
  /** The accounts' repository (by `_id`, `$set` only). */
  accounts: AccountStore;
  idempotency: Model<IdempotencyKeyDoc>;
  ticketIds: Model<TicketIdDoc>;
  ledger: LedgerModels;
  callers: CallerLookup;
  people: Model<DirectoryPersonDoc>;
  directory: DirectoryModels;
  voicemails: Model<VoicemailDoc>;
  calendarOverrides: Model<CalendarOverrideDoc>;
  /** The court calendar's versions, imports and re-arm progress. */
  calendar: CalendarStore;
  /** Workflow starts under way (see WorkflowStartDoc). */
  workflowStarts: Model<WorkflowStartDoc>;
}

export const INTAKE_MODELS = Symbol('INTAKE_MODELS');

export function intakeModels(connection: Connection): IntakeModels {
  return {
    users: userModel(connection),
    accounts: AccountStore.of(connection),
    idempotency: idempotencyKeyModel(connection),
    ticketIds: ticketIdModel(connection),
    ledger: ledgerModels(connection),
    callers: CallerLookup.of(connection),
    people: directoryPersonModel(connection),
    directory: directoryModels(connection),
    voicemails: voicemailModel(connection),
    calendarOverrides: calendarOverrideModel(connection),
    calendar: CalendarStore.of(connection),
    workflowStarts: workflowStartModel(connection),
  };
}

@Global()
@Module({
  providers: [
    {
      provide: INTAKE_MODELS,
      inject: [getConnectionToken()],
      useFactory: async (connection: Connection) => {
        await buildLookupOnce(connection);
        return intakeModels(connection);
      },
    },
    { provide: INTAKE_SETTINGS, useFactory: () => loadIntakeSettings() },
  ],
  exports: [INTAKE_MODELS, INTAKE_SETTINGS],
})
export class IntakeModelsModule {}

/** A ledger from before the caller lookup existed gets it once, before the first call is logged. */
async function buildLookupOnce(connection: Connection): Promise<void> {
  const started = Date.now();
  const result = await buildCallerLookup(connection);
  if (result.built) {
    new Logger('CallerLookup').log(
      `来电人与案号索引已建立：${result.tickets} 件工单，用时 ${Date.now() - started} ms`,
    );
  }
}
