import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { calendarOverrideModel, ledgerModels, voicemailModel } from '@court/database';
import { parsePolicy } from '@court/domain';
import { TASK_QUEUES, WorkerHost } from '@court/temporal';
import { Logger, Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { WorkerOptions } from '@temporalio/worker';
import type { Connection } from 'mongoose';
import {
  createCalendarActivities,
  createLedgerActivities,
  createPolicyActivities,
  createVoicemailLedgerActivities,
} from '../../../activities';

/** Built by `npm run build` (scripts/bundle-workflows); absent in tests, which bundle on start. */
const PREBUILT_BUNDLE = join(__dirname, '..', '..', '..', 'workflow-bundle.js');

function workflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  return existsSync(PREBUILT_BUNDLE)
    ? { workflowBundle: { codePath: PREBUILT_BUNDLE } }
    : { workflowsPath: require.resolve('../../../workflows') };
}

/** The ticket-side activities: ledger writes, the court calendar, the worker's policy. */
export function ticketActivities(connection: Connection, env: NodeJS.ProcessEnv = process.env) {
  const logger = new Logger('CourtCalendar');
  return {
    ...createLedgerActivities(ledgerModels(connection)),
    ...createVoicemailLedgerActivities(voicemailModel(connection)),
    ...createCalendarActivities({
      overrides: calendarOverrideModel(connection),
      onProvisional: (message) => logger.warn(message),
    }),
    ...createPolicyActivities(parsePolicy(env)),
  };
}

export const TICKET_WORKER = Symbol('TICKET_WORKER');

export const ticketWorkerProvider: Provider = {
  provide: TICKET_WORKER,
  inject: [SERVICE_CONFIG, getConnectionToken()],
  useFactory: (config: ServiceConfig, connection: Connection) => {
    const activities = ticketActivities(connection);
    return new WorkerHost('tickets', config.temporal.address, async () => ({
      namespace: config.temporal.namespace,
      taskQueue: TASK_QUEUES.tickets,
      activities,
      ...workflowSource(),
    }));
  },
};
