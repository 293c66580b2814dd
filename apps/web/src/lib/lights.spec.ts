import { byUrgency, type LightInput, lightOf } from './lights';

const dispatched = (over: Partial<LightInput> = {}): LightInput => ({
  status: 'dispatched',
  redLight: false,
  windowStart: '2026-11-27T09:00:00+08:00',
  deadlines: { feedbackBy: '2026-11-30T09:00:00+08:00' },
  ...over,
});
const at = (iso: string) => Date.parse(iso);

describe('lights (UI.md: 红灯, 黄灯)', () => {
  it('is red whenever the API says so', () => {
    expect(lightOf(dispatched({ redLight: true, status: 'reminded' }), 0)).toBe('red');
  });

  it('turns yellow past 67 % of the feedback window, not before', () => {
    // 3 days from 11-27 09:00: 67 % is 2 days 0.24 h later, about 11-29 09:14
    expect(lightOf(dispatched(), at('2026-11-29T09:00:00+08:00'))).toBeNull();
    expect(lightOf(dispatched(), at('2026-11-29T09:20:00+08:00'))).toBe('yellow');
  });

  it('is yellow once the workflow sent the warning, whatever the clock says', () => {
    const warned = dispatched({ timeline: [{ kind: 'dispatched' }, { kind: 'warning' }] });
    expect(lightOf(warned, at('2026-11-27T10:00:00+08:00'))).toBe('yellow');
  });

  it('shows no light once feedback is in, or without a feedback deadline', () => {
    expect(lightOf(dispatched({ status: 'handled' }), at('2026-11-29T20:00:00+08:00'))).toBeNull();
    expect(
      lightOf(dispatched({ deadlines: { feedbackBy: null } }), at('2026-12-09T00:00:00Z')),
    ).toBeNull();
  });

  it('orders red, then yellow, then the nearest deadline', () => {
    const now = at('2026-11-29T12:00:00+08:00');
    const later = dispatched({
      windowStart: '2026-11-29T09:00:00+08:00',
      deadlines: { feedbackBy: '2026-12-02T09:00:00+08:00' },
    });
    const sooner = dispatched({
      windowStart: '2026-11-29T08:00:00+08:00',
      deadlines: { feedbackBy: '2026-12-01T09:00:00+08:00' },
    });
    const yellow = dispatched();
    const red = dispatched({ redLight: true });
    expect([later, yellow, sooner, red].sort(byUrgency(now))).toEqual([red, yellow, sooner, later]);
  });
});
