import {
  DEFAULT_WORKING_HOURS,
  formatWorkingHours,
  parseWorkingHours,
  workingHoursProblem,
  workingPeriodMinutes,
} from './working-hours';

describe('working hours', () => {
  it('default 08:30–12:00 and 14:30–17:30', () => {
    expect(formatWorkingHours(DEFAULT_WORKING_HOURS)).toBe('08:30-12:00,14:30-17:30');
    expect(workingPeriodMinutes(DEFAULT_WORKING_HOURS)).toEqual([
      { start: 510, end: 720 },
      { start: 870, end: 1050 },
    ]);
  });

  it('parses', () => {
    expect(parseWorkingHours('8:30-12:00，14:30-17:30')).toEqual(DEFAULT_WORKING_HOURS);
    expect(parseWorkingHours('09:00-17:00')).toEqual([{ start: '09:00', end: '17:00' }]);
  });

  it.each([
    '',
    '08:30',
    '12:00-08:30',
    '08:30-12:00,11:00-17:30',
    '14:30-17:30,08:30-12:00',
    '08:30-25:00',
  ])('rejects %j', (text) => {
    expect(parseWorkingHours(text)).toBeNull();
  });

  it('explains what is wrong', () => {
    expect(workingHoursProblem([])).toBe('至少应有一个工作时段');
    expect(workingHoursProblem([{ start: '12:00', end: '08:30' }])).toBe(
      '时段 12:00-08:30 的结束时间应晚于开始时间',
    );
    expect(() => workingPeriodMinutes([{ start: 'x', end: '08:30' }])).toThrow('工作时间设置无效');
  });
});
