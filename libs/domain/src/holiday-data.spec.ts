import { CHINESE_DAYS_HOLIDAYS, holidayDataFromChineseDays } from './holiday-data';

describe('holiday data from chinese-days', () => {
  it('covers 2004–2026', () => {
    expect(CHINESE_DAYS_HOLIDAYS.coveredYears[0]).toBe(2004);
    expect(CHINESE_DAYS_HOLIDAYS.coveredYears.at(-1)).toBe(2026);
    expect(CHINESE_DAYS_HOLIDAYS.coveredYears).toHaveLength(23);
  });

  it('names days in Chinese', () => {
    expect(CHINESE_DAYS_HOLIDAYS.closures['2026-10-01']).toBe('国庆节');
    expect(CHINESE_DAYS_HOLIDAYS.workingDays['2026-02-14']).toBe('春节调休上班');
    expect(CHINESE_DAYS_HOLIDAYS.closures['2026-10-08']).toBeUndefined();
  });

  it('counts a year covered only when its Spring Festival is in the data', () => {
    const data = holidayDataFromChineseDays(
      {
        holidays: { '2030-01-01': "New Year's Day,元旦,1", '2031-01-23': 'Spring Festival,春节,4' },
        workdays: { '2031-01-26': 'Spring Festival,春节,4' },
      },
      'test',
    );
    expect(data).toEqual({
      source: 'test',
      coveredYears: [2031],
      closures: { '2030-01-01': '元旦', '2031-01-23': '春节' },
      workingDays: { '2031-01-26': '春节调休上班' },
    });
  });
});
