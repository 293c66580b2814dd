import { yellowCount } from './yellow';

const H = 3_600_000;
const start = Date.parse('2026-11-30T01:00:00Z');
const transfer = (over: Record<string, unknown> = {}) => ({
  status: 'dispatched',
  redLight: false,
  receivedAt: new Date(start).toISOString(),
  deadlines: { feedbackBy: new Date(start + 72 * H).toISOString() },
  ...over,
});

describe('yellowCount', () => {
  it('counts transfers past two thirds of their window, not red ones', () => {
    const now = start + 50 * H;
    expect(
      yellowCount(
        [
          transfer(),
          transfer({ receivedAt: new Date(start + 10 * H).toISOString() }),
          transfer({ redLight: true }),
          transfer({ status: 'handled' }),
        ],
        now,
      ),
    ).toBe(1);
  });

  it('counts nothing without a deadline', () => {
    expect(yellowCount([transfer({ deadlines: { feedbackBy: null } })], start + 70 * H)).toBe(0);
  });
});
