import { parseSchedule } from './calendar-import';

describe('parseSchedule', () => {
  it('reads CSV with a header, Chinese kinds and names', () => {
    const csv = '日期,类别,名称\n2026-10-01,休,国庆节\n2026-10-10,班,国庆节调休\n';
    expect(parseSchedule(csv, 2026)).toEqual({
      days: [
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
      ],
      problems: [],
    });
  });

  it('reads JSON as the API shapes it', () => {
    const json = JSON.stringify({ days: [{ date: '2026-01-01', kind: 'holiday', name: '元旦' }] });
    expect(parseSchedule(json, 2026).days).toEqual([
      { date: '2026-01-01', kind: 'holiday', name: '元旦' },
    ]);
  });

  it('lists problems by line: wrong year, bad kind, duplicates', () => {
    const csv =
      'date,kind,name\n2025-10-01,holiday,x\n2026-10-02,maybe,\n2026-10-03,holiday,\n2026-10-03,holiday,';
    const parsed = parseSchedule(csv, 2026);
    expect(parsed.days).toEqual([{ date: '2026-10-03', kind: 'holiday', name: null }]);
    expect(parsed.problems).toEqual([
      '第 2 行：2025-10-01 不在 2026 年内',
      '第 3 行：类别应为 holiday（休）或 workday（班）',
      '第 5 行：2026-10-03 重复',
    ]);
  });

  it('says so when the file is not readable or empty', () => {
    expect(parseSchedule('{ nope', 2026).problems[0]).toMatch(/^文件无法解析/);
    expect(parseSchedule('', 2026).problems).toEqual(['文件中没有日期']);
  });
});
