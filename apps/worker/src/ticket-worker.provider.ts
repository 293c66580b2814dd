import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Provider } from '@nestjs/common';
import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { TASK_QUEUES, WorkerHost } from '@court/temporal';
import { WorkerOptions } from '@temporalio/worker';

/** Built by `npm run build` (scripts/bundle-workflows); absent in tests, which bundle on start. */
const PREBUILT_BUNDLE = join(__dirname, '..', '..', '..', 'workflow-bundle.js');

function workflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  return existsSync(PREBUILT_BUNDLE)
    ? { workflowBundle: { codePath: PREBUILT_BUNDLE } }
    : { workflowsPath: require.resolve('../../../workflows') };
}

export const TICKET_WORKER = Symbol('TICKET_WORKER');

export const ticketWorkerProvider: Provider = {
  provide: TICKET_WORKER,
  inject: [SERVICE_CONFIG],
  useFactory: (config: ServiceConfig) =>
    new WorkerHost('tickets', config.temporal.address, async () => ({
      namespace: config.temporal.namespace,
      taskQueue: TASK_QUEUES.tickets,
      ...workflowSource(),
    })),
};
