import { shanghaiDaysAgo, weeklyRanges } from './weeks';

describe('weeklyRanges', () => {
  it('ends with the Shanghai week of now, Monday to Sunday, oldest first', () => {
    // Wednesday 2026-12-02 01:00 in Shanghai is still Tuesday in UTC
    const now = Date.parse('2026-12-01T17:00:00Z');
    const weeks = weeklyRanges(now, 3);
    expect(weeks).toEqual([
      { from: '2026-11-16', to: '2026-11-22', label: '11/16' },
      { from: '2026-11-23', to: '2026-11-29', label: '11/23' },
      { from: '2026-11-30', to: '2026-12-06', label: '11/30' },
    ]);
  });

  it('treats Sunday as the end of its week', () => {
    const sunday = Date.parse('2026-12-06T12:00:00+08:00');
    expect(weeklyRanges(sunday, 1)[0]).toMatchObject({ from: '2026-11-30', to: '2026-12-06' });
  });

  it('crosses a year', () => {
    const weeks = weeklyRanges(Date.parse('2027-01-02T10:00:00+08:00'), 2);
    expect(weeks.map((w) => w.from)).toEqual(['2026-12-21', '2026-12-28']);
  });
});

describe('shanghaiDaysAgo', () => {
  it('counts Shanghai days', () => {
    expect(shanghaiDaysAgo(Date.parse('2026-12-01T17:00:00Z'), 29)).toBe('2026-11-03');
  });
});
