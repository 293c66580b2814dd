import {
  type CalendarOverrideDoc,
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
} from '@court/database';
import { Global, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { INTAKE_SETTINGS, loadIntakeSettings } from './intake-settings';

/** The collections the intake reads and writes, on the service's one connection. */
export interface IntakeModels {
  users: Model<UserDoc>;
  idempotency: Model<IdempotencyKeyDoc>;
  ticketIds: Model<TicketIdDoc>;
  ledger: LedgerModels;
  people: Model<DirectoryPersonDoc>;
  directory: DirectoryModels;
  voicemails: Model<VoicemailDoc>;
  calendarOverrides: Model<CalendarOverrideDoc>;
}

export const INTAKE_MODELS = Symbol('INTAKE_MODELS');

export function intakeModels(connection: Connection): IntakeModels {
  return {
    users: userModel(connection),
    idempotency: idempotencyKeyModel(connection),
    ticketIds: ticketIdModel(connection),
    ledger: ledgerModels(connection),
    people: directoryPersonModel(connection),
    directory: directoryModels(connection),
    voicemails: voicemailModel(connection),
    calendarOverrides: calendarOverrideModel(connection),
  };
}

@Global()
@Module({
  providers: [
    { provide: INTAKE_MODELS, inject: [getConnectionToken()], useFactory: intakeModels },
    { provide: INTAKE_SETTINGS, useFactory: () => loadIntakeSettings() },
  ],
  exports: [INTAKE_MODELS, INTAKE_SETTINGS],
})
export class IntakeModelsModule {}
