import { bulletinFileName, groupRows, periodText, previousWeek } from './bulletin-view';

describe('bulletin view', () => {
  it('shows a whole-day period inclusive of its last day', () => {
    expect(periodText({ from: '2026-11-22T16:00:00.000Z', to: '2026-11-29T16:00:00.000Z' })).toBe(
      '2026-11-23 至 2026-11-29',
    );
  });

  it('shows a period ending now with its time, and an open start', () => {
    expect(periodText({ from: null, to: '2026-12-02T08:00:20.381Z' })).toBe(
      '不限 至 2026-12-02 16:00',
    );
  });

  it('proposes last week, Monday to Sunday in Shanghai', () => {
    expect(previousWeek(Date.parse('2026-12-02T10:00:00+08:00'))).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
    });
  });

  it('orders groups by bulletined, then overdue', () => {
    expect(
      groupRows([
        { id: 'civil', name: '民事审判庭', bulletined: ['T1'], overdue: ['T1', 'T2'] },
        { id: 'filing', name: '立案庭', bulletined: ['T3', 'T4'], overdue: [] },
        { id: null, name: '', bulletined: [], overdue: ['T5'] },
      ]).map((r) => [r.name, r.bulletined, r.overdue]),
    ).toEqual([
      ['立案庭', 2, 0],
      ['民事审判庭', 1, 2],
      ['未指定', 0, 1],
    ]);
  });

  it('names the export', () => {
    expect(bulletinFileName('B202612021600-48bf6335')).toBe('情况通报-B202612021600-48bf6335.xlsx');
  });
});
