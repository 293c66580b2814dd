import { bulletinModel, calendarOverrideModel, ledgerModels } from '@court/database';
import { Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { DirectoryNamesSource } from '../../../activities/reporting/directory-names';
import { loadReportingSettings, REPORTING_SETTINGS } from './reporting-settings';

export const REPORTING_MODELS = Symbol('REPORTING_MODELS');

export function reportingModels(connection: Connection) {
  return {
    tickets: ledgerModels(connection).tickets,
    bulletins: bulletinModel(connection),
    calendarOverrides: calendarOverrideModel(connection),
  };
}
export type ReportingModels = ReturnType<typeof reportingModels>;

export const reportingProviders: Provider[] = [
  { provide: REPORTING_SETTINGS, useFactory: () => loadReportingSettings() },
  {
    provide: REPORTING_MODELS,
    inject: [getConnectionToken()],
    useFactory: async (connection: Connection) => {
      const models = reportingModels(connection);
      // The reports' indexes (ticket-ledger.schema.ts), made here too: the reporting service
      // may start before any other service has touched the collections.
      await Promise.all([models.tickets.createIndexes(), models.bulletins.createIndexes()]);
      return models;
    },
  },
  {
    provide: DirectoryNamesSource,
    inject: [getConnectionToken()],
    useFactory: (connection: Connection) => new DirectoryNamesSource(connection),
  },
];
