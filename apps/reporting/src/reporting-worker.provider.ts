import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { DirectoryNamesSource } from '@court/reporting';
import { TASK_QUEUES, WorkerHost } from '@court/temporal';
import { Provider } from '@nestjs/common';
import { WorkerOptions } from '@temporalio/worker';
import { createReportingActivities } from '../../../activities/reporting/reporting.activities';
import { REPORTING_STORE, type ReportingStore } from './reporting.providers';

/** Built by `npm run build` (scripts/bundle-workflows); absent in tests, which bundle on start. */
const PREBUILT_BUNDLE = join(__dirname, '..', '..', '..', 'bulletin-workflow-bundle.js');

function workflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  return existsSync(PREBUILT_BUNDLE)
    ? { workflowBundle: { codePath: PREBUILT_BUNDLE } }
    : { workflowsPath: require.resolve('../../../workflows/bulletin') };
}

export const REPORTING_WORKER = Symbol('REPORTING_WORKER');

/** Hosts the bulletin workflow and the `reporting` activities on task queue `reporting`. */
export const reportingWorkerProvider: Provider = {
  provide: REPORTING_WORKER,
  inject: [SERVICE_CONFIG, REPORTING_STORE, DirectoryNamesSource],
  useFactory: (config: ServiceConfig, store: ReportingStore, directory: DirectoryNamesSource) =>
    new WorkerHost('reporting', config.temporal, async () => ({
      taskQueue: TASK_QUEUES.reporting,
      activities: createReportingActivities({
        ...store,
        names: () => directory.names(),
      }),
      ...workflowSource(),
      // Bulletins are rare and short; their activities scan the ledger: few at a time keeps
      // the service's memory and the database's load bounded.
      maxCachedWorkflows: 20,
      maxConcurrentWorkflowTaskExecutions: 2,
      maxConcurrentActivityTaskExecutions: 2,
    })),
};
