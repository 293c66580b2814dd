import { deadlineMet, deadlineRows } from './deadlines';
import { aTicket } from './test-ticket';

describe('deadlineRows', () => {
  it('lists the deadlines the ticket has, in order, with their Chinese names', () => {
    const rows = deadlineRows(aTicket());
    expect(rows.map((r) => [r.label, r.met])).toEqual([
      ['派发期限', true],
      ['反馈期限', false],
    ]);
  });

  it('lists all five names', () => {
    const at = '2026-12-01T00:00:00Z';
    const rows = deadlineRows(
      aTicket({
        deadlines: {
          dispatchBy: at,
          feedbackBy: at,
          reminderBy: at,
          bulletinBy: at,
          callbackBy: at,
        },
      }),
    );
    expect(rows.map((r) => r.label)).toEqual([
      '派发期限',
      '反馈期限',
      '催办期限',
      '通报期限',
      '回访期限',
    ]);
  });
});

describe('deadlineMet', () => {
  it('dispatch is met once dispatched', () => {
    expect(deadlineMet('dispatchBy', aTicket())).toBe(true);
    expect(deadlineMet('dispatchBy', aTicket({ status: 'open', timeline: [] }))).toBe(false);
  });

  it('feedback, reminder and bulletin are met by the feedback', () => {
    const overdue = aTicket({ status: 'overdue' });
    expect(deadlineMet('feedbackBy', overdue)).toBe(false);
    expect(deadlineMet('reminderBy', overdue)).toBe(false);
    expect(deadlineMet('bulletinBy', overdue)).toBe(false);
    const fedBack = aTicket({
      status: 'handled',
      feedback: { result: '已办', at: '2026-11-29T00:00:00Z', by: 'judge01' },
    });
    for (const name of ['feedbackBy', 'reminderBy', 'bulletinBy'] as const) {
      expect(deadlineMet(name, fedBack)).toBe(true);
    }
  });

  it('the reminder deadline is met by a reminder', () => {
    expect(deadlineMet('reminderBy', aTicket({ status: 'reminded', reminders: 1 }))).toBe(true);
  });

  it('the callback deadline is met by the callback, and everything by closing', () => {
    const handled = aTicket({ status: 'handled', callbackDue: true });
    expect(deadlineMet('callbackBy', handled)).toBe(false);
    expect(
      deadlineMet(
        'callbackBy',
        aTicket({
          callback: { reached: true, satisfied: true, note: null, at: null, by: 'agent01' },
        }),
      ),
    ).toBe(true);
    expect(deadlineMet('feedbackBy', aTicket({ status: 'closed' }))).toBe(true);
  });
});
