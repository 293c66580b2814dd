import {
  countdown,
  formatTime,
  fromShanghaiLocal,
  shanghaiDayStart,
  toShanghaiLocal,
} from './time';

describe('times in Asia/Shanghai', () => {
  it('formats an instant as the court reads it, whatever the zone it was written in', () => {
    expect(formatTime('2026-11-28T01:00:00Z')).toBe('2026-11-28 09:00');
    expect(formatTime('2026-11-28T23:59:00-05:00')).toBe('2026-11-29 12:59');
    expect(formatTime(null)).toBe('');
    expect(formatTime('not a time')).toBe('');
  });

  it('turns a datetime-local value into an instant and back', () => {
    expect(fromShanghaiLocal('2026-11-28T09:00')).toBe('2026-11-28T09:00:00+08:00');
    expect(toShanghaiLocal('2026-11-28T01:00:00Z')).toBe('2026-11-28T09:00');
    expect(fromShanghaiLocal('28/11/2026')).toBeNull();
  });

  it('starts a civil date at Shanghai midnight', () => {
    expect(shanghaiDayStart('2026-11-28')).toBe('2026-11-28T00:00:00+08:00');
  });
});

describe('countdown (UI.md: 剩余 1天3小时, 已超期 5小时)', () => {
  const due = '2026-11-30T12:00:00+08:00';
  const at = (iso: string) => Date.parse(iso);

  it('counts days and hours while more than a day is left', () => {
    expect(countdown(due, at('2026-11-29T09:00:00+08:00'))).toMatchObject({
      text: '剩余 1天3小时',
      overdue: false,
    });
  });

  it('counts hours and minutes, then minutes, on the last day', () => {
    expect(countdown(due, at('2026-11-30T09:30:00+08:00'))?.text).toBe('剩余 2小时30分钟');
    expect(countdown(due, at('2026-11-30T09:00:00+08:00'))?.text).toBe('剩余 3小时');
    expect(countdown(due, at('2026-11-30T11:59:30+08:00'))?.text).toBe('剩余 1分钟');
  });

  it('says how long ago the deadline passed', () => {
    expect(countdown(due, at('2026-11-30T17:00:00+08:00'))).toMatchObject({
      text: '已超期 5小时',
      overdue: true,
    });
    expect(countdown(due, at('2026-12-02T13:00:00+08:00'))?.text).toBe('已超期 2天1小时');
  });

  it('has nothing to count without a deadline', () => {
    expect(countdown(null, 0)).toBeNull();
    expect(countdown('', 0)).toBeNull();
  });
});
