import '../support/in-memory-tracing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { withWorkerTracing, workflowTracingModules } from '../../libs/telemetry/src';
import { recordedHistories } from '../support/history-fixtures';
import { tracedSpans } from '../support/in-memory-tracing';
import { testDataConverter } from '../support/temporal-harness';

/**
 * Tracing on changes the bundle, not the commands: the recorded histories (all from workers
 * without tracing) replay with the OpenTelemetry workflow interceptors bundled in, as the
 * worker's traced bundle has them (scripts/bundle-workflows.ts), and with the span sink wired.
 */
describe('replaying recorded ticket histories with the tracing interceptors', () => {
  const histories = recordedHistories();
  let code: string;

  beforeAll(async () => {
    ({ code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../workflows'),
      workflowInterceptorModules: workflowTracingModules(),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
    }));
  });

  it('bundles the interceptors in', () => {
    expect(code).toContain('@temporalio/interceptor-workflow');
  });

  it.each(histories.map((h) => [h.name, h.history] as const))(
    'replays %s without nondeterminism',
    async (name, history) => {
      await Worker.runReplayHistory(
        withWorkerTracing({ workflowBundle: { code }, dataConverter: testDataConverter() }),
        history,
        `replay-traced-${name}`,
      );
    },
  );

  it('exports no span while replaying', () => {
    expect(tracedSpans.getFinishedSpans()).toEqual([]);
  });
});
