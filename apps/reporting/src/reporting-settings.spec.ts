import { loadReportingSettings } from './reporting-settings';

describe('reporting settings', () => {
  it('defaults to Mondays 09:00 and a 7-day period', () => {
    expect(loadReportingSettings({})).toEqual({
      bulletinSchedule: '0 9 * * 1',
      bulletinPeriodDays: 7,
      acceptWithin: { text: '2h', unit: 'working-time', ms: 7_200_000 },
      workingHours: [
        { start: '08:30', end: '12:00' },
        { start: '14:30', end: '17:30' },
      ],
    });
  });

  it('reads ACCEPT_WITHIN as working time or working days, and the working hours', () => {
    const settings = loadReportingSettings({
      ACCEPT_WITHIN: '1wd',
      POLICY_WORKING_HOURS: '09:00-12:00,13:30-17:00',
    });
    expect(settings.acceptWithin).toEqual({ text: '1wd', unit: 'working-days', days: 1 });
    expect(settings.workingHours).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '17:00' },
    ]);
    expect(loadReportingSettings({ ACCEPT_WITHIN: '45m' }).acceptWithin).toMatchObject({
      ms: 2_700_000,
    });
    expect(() =>
      loadReportingSettings({ ACCEPT_WITHIN: '1d', POLICY_WORKING_HOURS: '18:00-09:00' }),
    ).toThrow(/ACCEPT_WITHIN="1d"[\s\S]*POLICY_WORKING_HOURS/);
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
