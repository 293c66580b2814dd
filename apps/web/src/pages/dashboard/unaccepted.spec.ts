import { acceptWithinText, pastDue } from './unaccepted';

describe('未签收 on the dashboard', () => {
  it('says the time to accept in words', () => {
    expect(acceptWithinText('2h')).toBe('2个工作小时');
    expect(acceptWithinText('1wd')).toBe('1个工作日');
    expect(acceptWithinText('90m')).toBe('90分钟（工作时间）');
    expect(acceptWithinText('odd')).toBe('odd');
  });

  it('says how long past due, in clock time', () => {
    const due = '2026-12-01T10:00:00+08:00';
    const at = (minutes: number) => Date.parse(due) + minutes * 60_000;
    expect(pastDue(due, at(0.5))).toBe('不到1分');
    expect(pastDue(due, at(12))).toBe('12分');
    expect(pastDue(due, at(60))).toBe('1小时');
    expect(pastDue(due, at(65))).toBe('1小时5分');
    expect(pastDue(due, at(3 * 1440 + 120 + 7))).toBe('3天2小时');
    expect(pastDue(due, at(1440 + 7))).toBe('1天');
  });
});
