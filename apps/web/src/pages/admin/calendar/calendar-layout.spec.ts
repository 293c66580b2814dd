import { cellKind, monthLayout, yearLayout, yearTotals } from './calendar-layout';

describe('calendar layout', () => {
  it('lays a month out in Monday-first weeks', () => {
    // 2026-10-01 is a Thursday
    const october = monthLayout(2026, 10, new Map());
    expect(october.weeks[0]!.slice(0, 3)).toEqual([null, null, null]);
    expect(october.weeks[0]![3]).toMatchObject({ date: '2026-10-01', day: 1, kind: 'work' });
    expect(october.weeks[0]![5]).toMatchObject({ date: '2026-10-03', kind: 'weekend' });
    const last = october.weeks[october.weeks.length - 1]!;
    expect(last).toHaveLength(7);
    expect(october.weeks.flat().filter(Boolean)).toHaveLength(31);
  });

  it('marks holidays and make-up working days', () => {
    const days = new Map([
      ['2026-10-01', { date: '2026-10-01', kind: 'holiday' as const, name: '国庆节' }],
      ['2026-10-10', { date: '2026-10-10', kind: 'workday' as const, name: '国庆节调休' }],
    ]);
    const cells = monthLayout(2026, 10, days).weeks.flat();
    expect(cells.find((c) => c?.date === '2026-10-01')).toMatchObject({
      kind: 'holiday',
      name: '国庆节',
    });
    expect(cells.find((c) => c?.date === '2026-10-10')).toMatchObject({ kind: 'makeup' });
  });

  it('names every kind', () => {
    expect(cellKind(3, undefined)).toBe('work');
    expect(cellKind(7, undefined)).toBe('weekend');
    expect(cellKind(3, { date: 'x', kind: 'holiday', name: null })).toBe('holiday');
    expect(cellKind(6, { date: 'x', kind: 'workday', name: null })).toBe('makeup');
    expect(cellKind(2, { date: 'x', kind: 'workday', name: null })).toBe('work');
  });

  it('handles leap years and counts a year', () => {
    const months = yearLayout(2028, []);
    expect(months[1]!.weeks.flat().filter(Boolean)).toHaveLength(29);
    const totals = yearTotals(yearLayout(2026, []));
    expect(totals.working + totals.off).toBe(365);
    expect(totals.off).toBe(104);
  });
});
