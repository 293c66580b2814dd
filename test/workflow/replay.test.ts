import { Worker } from '@temporalio/worker';
import { recordedHistories } from '../support/history-fixtures';
import { testDataConverter } from '../support/temporal-harness';

/**
 * Versioning guard: today's workflow code must replay the recorded histories of real ticket
 * paths (test/fixtures/histories, recorded with RECORD_HISTORIES=1 npm test). A change that
 * would break running tickets fails here; make it with patched() instead (docs/workflows.md). The
 * replayer has the tests' payload codec: histories recorded since the codec are encrypted
 * with the test key, older ones are plain and pass through it.
 */
describe('replaying recorded ticket histories', () => {
  const histories = recordedHistories();

  it('has recorded histories to replay', () => {
    expect(histories.map((h) => h.name)).toEqual(
      expect.arrayContaining([
        'direct-answer',
        'transfer-on-time',
        'overdue-bulletined-closed',
        'escalation-acknowledged',
        'continue-as-new-first-run',
        'continue-as-new-continued-run',
        'continue-as-new-escalation-continued-run',
        'continue-as-new-callback-second-run',
        'continue-as-new-feedback-window-second-run',
        'continue-as-new-reassign-continued-run',
        'continue-as-new-agent-reminder-continued-run',
        'continue-as-new-first-reminder-second-run',
      ]),
    );
  });

  it.each(histories.map((h) => [h.name, h.history] as const))(
    'replays %s without nondeterminism',
    async (name, history) => {
      await Worker.runReplayHistory(
        { workflowsPath: require.resolve('../../workflows'), dataConverter: testDataConverter() },
        history,
        `replay-${name}`,
      );
    },
  );
});
