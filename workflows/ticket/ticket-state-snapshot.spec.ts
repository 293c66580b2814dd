import {
  createDirectory,
  DEMO_CASE_NUMBER,
  DEMO_DIRECTORY,
  decideDisposition,
  NO_FLAGS,
} from '../../libs/domain/src';
import type { TicketWorkflowInput } from './contract';
import { TicketState } from './ticket-state';
import { restoreTicketState, snapshotTicketState } from './ticket-state-snapshot';

const T0 = Date.parse('2026-11-30T02:00:00Z');
const MINUTE = 60_000;

function inputFor(): TicketWorkflowInput {
  const flags = { ...NO_FLAGS, urgent: true };
  const decided = decideDisposition(
    {
      type: 'complaint',
      complaint: { category: 'conduct', specificClues: false },
      caseNumber: DEMO_CASE_NUMBER,
      flags,
    },
    createDirectory(DEMO_DIRECTORY),
  );
  if (!decided.ok) throw new Error(JSON.stringify(decided.errors));
  return {
    ticketId: 'T20261130-0002',
    type: 'complaint',
    caseNumber: DEMO_CASE_NUMBER,
    flags,
    receivedAt: new Date(T0).toISOString(),
    disposition: decided.value,
    departmentHead: { id: 'head-civil', name: '民庭庭长', role: 'handler' },
    loggedBy: 'agent01',
  };
}

/** A ticket well into its life: dispatched, extended, overdue, reminded, bulletined, escalated. */
function livedState(): TicketState {
  const state = new TicketState(inputFor());
  state.record('created', 'agent01', null, T0);
  state.setDeadline('dispatchBy', new Date(T0 + 120 * MINUTE).toISOString());
  state.dispatch(T0 + MINUTE);
  state.setDeadline('feedbackBy', new Date(T0 + 3 * 24 * 60 * MINUTE).toISOString(), true);
  state.applyAccept(state.handler!.id, T0 + 2 * MINUTE);
  state.applyProgress(state.handler!.id, '正在核实', T0 + 3 * MINUTE);
  state.applyExtensionRequest(
    state.handler!.id,
    '2026-12-10T09:00:00.000Z',
    '需调卷',
    T0 + 4 * MINUTE,
  );
  state.warn(T0 + 5 * MINUTE);
  state.applyRepeatCall({ note: '再次来电', notHandledInTime: true }, T0 + 6 * MINUTE);
  state.markOverdue(T0 + 7 * MINUTE, '来电人因未及时处理再次来电');
  state.remind(T0 + 8 * MINUTE, 'system', null);
  state.bulletin(T0 + 9 * MINUTE);
  state.remind(T0 + 10 * MINUTE, 'system', '通报后第1次催办');
  state.escalation = {
    level: 2,
    notified: ['head-filing', 'vice-president', 'president'],
    acknowledgedBy: null,
    acknowledgedAt: null,
    note: null,
  };
  return state;
}

describe('TicketState snapshots (continue-as-new)', () => {
  it('restores every field a ticket gathers, through JSON as the next run receives it', () => {
    const original = livedState();
    const carried = JSON.parse(JSON.stringify(snapshotTicketState(original)));
    const restored = new TicketState(original.input);
    restoreTicketState(restored, carried);
    expect(restored).toEqual(original);
    expect(restored.view()).toEqual(original.view());
    expect(restored.provisionalDeadlines).toBe(true);
    expect(restored.extension?.status).toBe('expired');
  });

  it('detaches the snapshot and the restored state from their sources', () => {
    const original = livedState();
    const snapshot = snapshotTicketState(original);
    original.remind(T0 + 11 * MINUTE, 'system', '通报后第2次催办');
    expect(snapshot.reminders).toBe(2);
    expect(snapshot.timeline).toHaveLength(original.timeline.length - 1);

    const restored = new TicketState(original.input);
    restoreTicketState(restored, snapshot);
    restored.escalation!.notified.push('someone');
    restored.record('progress', 'x', null, T0);
    expect(snapshot.escalation!.notified).toHaveLength(3);
    expect(snapshot.timeline).toHaveLength(original.timeline.length - 1);
  });
});
