import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { Storage } from '@court/database';
import { parsePolicy } from '@court/domain';
import { activeTracing, workflowTracingModules } from '@court/telemetry';
import { TASK_QUEUES, WorkerHost } from '@court/temporal';
import { Logger, Provider } from '@nestjs/common';
import { WorkerOptions } from '@temporalio/worker';
import {
  createCalendarActivities,
  createLedgerActivities,
  createPolicyActivities,
  createVoicemailLedgerActivities,
} from '../../../activities';
import { workerCachedWorkflows, workerMetricsBindAddress } from './worker-settings';

/**
 * Built by `npm run build` (scripts/bundle-workflows), with and without the OpenTelemetry
 * workflow interceptors; absent in tests, which bundle on start. Tracing off, the workflows
 * run exactly the code they ran before tracing existed.
 */
const PREBUILT_BUNDLE = join(__dirname, '..', '..', '..', 'workflow-bundle.js');
const PREBUILT_TRACED_BUNDLE = join(__dirname, '..', '..', '..', 'workflow-bundle-traced.js');

function workflowSource(): Pick<
  WorkerOptions,
  'workflowBundle' | 'workflowsPath' | 'interceptors'
> {
  const traced = activeTracing() !== undefined;
  const prebuilt = traced ? PREBUILT_TRACED_BUNDLE : PREBUILT_BUNDLE;
  if (existsSync(prebuilt)) return { workflowBundle: { codePath: prebuilt } };
  return {
    workflowsPath: require.resolve('../../../workflows'),
    ...(traced ? { interceptors: { workflowModules: workflowTracingModules() } } : {}),
  };
}

/** The ticket-side activities: ledger writes, the court calendar, the worker's policy. */
export function ticketActivities(storage: Storage, env: NodeJS.ProcessEnv = process.env) {
  const logger = new Logger('CourtCalendar');
  return {
    ...createLedgerActivities(storage.ticketLedger, storage.facts()),
    ...createVoicemailLedgerActivities(storage.voicemails),
    ...createCalendarActivities({
      calendar: storage.calendar,
      onProvisional: (message) => logger.warn(message),
    }),
    ...createPolicyActivities(parsePolicy(env)),
  };
}

export const TICKET_WORKER = Symbol('TICKET_WORKER');

export const ticketWorkerProvider: Provider = {
  provide: TICKET_WORKER,
  inject: [SERVICE_CONFIG, Storage],
  useFactory: (config: ServiceConfig, storage: Storage) => {
    const activities = ticketActivities(storage);
    return new WorkerHost(
      'tickets',
      config.temporal,
      async () => {
        await buildMetricsReadModel(storage);
        return {
          taskQueue: TASK_QUEUES.tickets,
          maxCachedWorkflows: workerCachedWorkflows(),
          activities,
          ...workflowSource(),
        };
      },
      { metricsBindAddress: workerMetricsBindAddress() },
    );
  },
};

/**
 * A ledger from before the metrics' read model existed gets it built once, before this worker
 * (the ledger's writer) takes its first task.
 */
async function buildMetricsReadModel(storage: Storage): Promise<void> {
  const logger = new Logger('LedgerFacts');
  let lastReport = 0;
  const result = await storage.buildLedgerFacts((done) => {
    if (Date.now() - lastReport < 5_000) return;
    lastReport = Date.now();
    logger.log(`正在为统计指标建立台账索引：已处理 ${done} 件工单`);
  });
  if (result.built) logger.log(`统计指标的台账索引已建立：${result.tickets} 件工单`);
}
