import { loadReportingSettings } from './reporting-settings';

describe('reporting settings', () => {
  it('defaults to Mondays 09:00 and a 7-day period', () => {
    expect(loadReportingSettings({})).toEqual({
      bulletinSchedule: '0 9 * * 1',
      bulletinPeriodDays: 7,
    });
  });

  it('accepts a cron expression or off, and names every bad variable', () => {
    expect(loadReportingSettings({ BULLETIN_SCHEDULE: '30 8 * * MON-FRI' }).bulletinSchedule).toBe(
      '30 8 * * MON-FRI',
    );
    expect(loadReportingSettings({ BULLETIN_SCHEDULE: 'off' }).bulletinSchedule).toBeNull();
    expect(() =>
      loadReportingSettings({ BULLETIN_SCHEDULE: 'every monday', BULLETIN_PERIOD_DAYS: '0' }),
    ).toThrow(/BULLETIN_SCHEDULE[\s\S]*BULLETIN_PERIOD_DAYS/);
  });
});
