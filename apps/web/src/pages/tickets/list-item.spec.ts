import { currentDeadline, lightInputOf } from './list-item';

const deadlines = {
  dispatchBy: '2026-11-28T03:00:00Z',
  feedbackBy: '2026-12-01T01:00:00Z',
  reminderBy: null,
  bulletinBy: null,
  callbackBy: '2026-12-04T01:00:00Z',
};

describe('currentDeadline', () => {
  it('is the dispatch before dispatch, the feedback while awaited, the callback after', () => {
    expect(currentDeadline({ status: 'open', deadlines })).toEqual({
      label: '派发期限',
      at: deadlines.dispatchBy,
    });
    for (const status of [
      'dispatched',
      'overdue',
      'reminded',
      'bulletined',
      'escalated',
    ] as const) {
      expect(currentDeadline({ status, deadlines })?.label).toBe('反馈期限');
    }
    expect(currentDeadline({ status: 'handled', deadlines })?.label).toBe('回访期限');
    expect(currentDeadline({ status: 'closed', deadlines })).toBeNull();
    expect(
      currentDeadline({ status: 'answered', deadlines: { ...deadlines, callbackBy: null } }),
    ).toBeNull();
  });
});

describe('lightInputOf', () => {
  it('opens the window at receipt (a list row has no dispatch time)', () => {
    expect(
      lightInputOf({
        status: 'dispatched',
        redLight: false,
        deadlines,
        receivedAt: '2026-11-28T01:00:00Z',
      }),
    ).toEqual({
      status: 'dispatched',
      redLight: false,
      deadlines,
      windowStart: '2026-11-28T01:00:00Z',
    });
  });
});
