import { ConfigError } from '@court/config';
import {
  DEFAULT_WORKING_HOURS,
  parseWorkingHours,
  WORKING_HOURS_FORMS,
  type WorkingHours,
} from '@court/domain';
import {
  ACCEPT_WITHIN_DEFAULT,
  ACCEPT_WITHIN_FORMS,
  type AcceptWithin,
  parseAcceptWithin,
} from '@court/reporting';

/**
 * The reporting service's own settings (env):
 * - `BULLETIN_SCHEDULE`: when the bulletin schedule fires, a cron expression read in
 *   Asia/Shanghai (default `0 9 * * 1`, Mondays 09:00); `off` creates no schedule (an existing
 *   one is left as it is).
 * - `BULLETIN_PERIOD_DAYS`: the scheduled bulletin's period in days (default 7).
 * - `ACCEPT_WITHIN`: how long a handler has to accept (签收) a transfer before it is listed as
 *   not accepted in time (`GET /api/reports/unaccepted`): default `2h`, two working hours on the
 *   court calendar; s, m, h count working time, wd working days (acceptance.ts).
 * - `POLICY_WORKING_HOURS`: the court's working hours, as the tickets' policy reads them
 *   (default `08:30-12:00,14:30-17:30`).
 */
export interface ReportingSettings {
  bulletinSchedule: string | null;
  bulletinPeriodDays: number;
  acceptWithin: AcceptWithin;
  workingHours: WorkingHours;
}

export const BULLETIN_SCHEDULE_ID = 'reporting-bulletin-weekly';
export const BULLETIN_TIMEZONE = 'Asia/Shanghai';
export const REPORTING_SETTINGS = Symbol('REPORTING_SETTINGS');

const CRON_FIELD =
  /^(\*|\d{1,2}(-\d{1,2})?(,\d{1,2}(-\d{1,2})?)*)(\/\d{1,2})?$|^[A-Za-z]{3}(-[A-Za-z]{3})?(,[A-Za-z]{3})*$/;

export function loadReportingSettings(
  env: Record<string, string | undefined> = process.env,
): ReportingSettings {
  const problems: string[] = [];
  const raw = env.BULLETIN_SCHEDULE?.trim() || '0 9 * * 1';
  let bulletinSchedule: string | null = raw;
  if (raw.toLowerCase() === 'off') {
    bulletinSchedule = null;
  } else {
    const fields = raw.split(/\s+/);
    if (fields.length !== 5 || !fields.every((f) => CRON_FIELD.test(f))) {
      problems.push(
        `BULLETIN_SCHEDULE="${raw}" must be a 5-field cron expression (minute hour day month weekday, Asia/Shanghai), e.g. "0 9 * * 1", or "off"`,
      );
    }
  }
  const days = Number(env.BULLETIN_PERIOD_DAYS?.trim() || '7');
  if (!Number.isInteger(days) || days < 1 || days > 366) {
    problems.push(
      `BULLETIN_PERIOD_DAYS="${env.BULLETIN_PERIOD_DAYS}" must be a whole number of days (1–366)`,
    );
  }
  const acceptText = env.ACCEPT_WITHIN?.trim() || ACCEPT_WITHIN_DEFAULT;
  const acceptWithin = parseAcceptWithin(acceptText);
  if (!acceptWithin) {
    problems.push(`ACCEPT_WITHIN="${env.ACCEPT_WITHIN}" must be ${ACCEPT_WITHIN_FORMS}`);
  }
  const hoursText = env.POLICY_WORKING_HOURS?.trim();
  const workingHours = hoursText ? parseWorkingHours(hoursText) : DEFAULT_WORKING_HOURS;
  if (!workingHours) {
    problems.push(`POLICY_WORKING_HOURS="${hoursText}" must be ${WORKING_HOURS_FORMS}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    bulletinSchedule,
    bulletinPeriodDays: days,
    acceptWithin: acceptWithin!,
    workingHours: workingHours!,
  };
}
