import type { Principal } from '@court/auth';
import type { CalendarImportDoc, CalendarOverrideDoc } from '@court/database';
import {
  type CalendarImportDay,
  type CalendarOverrides,
  type CourtCalendar,
  calendarYearDays,
  createCourtCalendar,
  type FieldError,
  overridesWithYear,
  parseCalendarImport,
  parseCalendarOverrides,
  parseCalendarYear,
} from '@court/domain';
import {
  BadRequestException,
  Inject,
  Injectable,
  InternalServerErrorException,
  Logger,
} from '@nestjs/common';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';
import { CalendarRearmService } from './calendar-rearm.service';
import type { CourtCalendarYear, ImportedCalendarYear } from './dto/calendar-view.dto';

function badRequest(errors: readonly FieldError[], message = '日历数据有误'): BadRequestException {
  return new BadRequestException({ statusCode: 400, message, errors: [...errors] });
}

/** The overrides of a stored version, or none when they do not validate (logged). */
function overridesOf(doc: CalendarOverrideDoc | null, logger: Logger): CalendarOverrides | null {
  if (!doc) return null;
  const parsed = parseCalendarOverrides(doc.data, { allowExample: true });
  if (parsed.ok) return parsed.value;
  logger.error(`日历覆盖数据第 ${doc._id} 版有误，未采用：${JSON.stringify(parsed.errors)}`);
  return null;
}

/**
 * The court calendar by year (`GET`/`PUT /api/calendar/:year`).
 *
 * Versions, per year: 0 — no schedule known (provisional, Monday–Friday); 1 — the State
 * Council's schedule bundled with the software (`chinese-days`); each import adds 1. Every
 * import is kept (`calendar_imports`, `<year>:<version>`); the one in force is the one the
 * newest overrides version (`calendar_overrides`, what every process computes with) names.
 */
@Injectable()
export class CalendarService {
  private readonly logger = new Logger('CourtCalendar');

  constructor(
    @Inject(INTAKE_STORE) private readonly store: IntakeStore,
    private readonly rearm: CalendarRearmService,
  ) {}

  async year(rawYear: string): Promise<CourtCalendarYear> {
    const year = parseCalendarYear(rawYear);
    if (!year.ok) throw badRequest(year.errors, '请求参数有误');
    return this.viewOf(year.value, await this.store.calendar.latest());
  }

  private calendarOf(latest: CalendarOverrideDoc | null): CourtCalendar {
    return createCourtCalendar({
      overrides: overridesOf(latest, this.logger),
      allowExampleOverrides: true,
    });
  }

  private async viewOf(
    year: number,
    latest: CalendarOverrideDoc | null,
  ): Promise<CourtCalendarYear> {
    const inForce = latest?.years?.[String(year)];
    if (inForce) {
      const record = await this.store.calendar.importOf(year, inForce);
      if (record) return importView(record);
      this.logger.error(`${year}年日历第 ${inForce} 版的导入记录缺失，按覆盖数据显示`);
    }
    const calendar = this.calendarOf(latest);
    const covered = calendar.isCovered(year);
    return {
      year,
      status: covered ? 'official' : 'provisional',
      version: covered ? 1 : 0,
      days: calendarYearDays(calendar, year),
      source: covered ? 'bundled' : 'none',
      note: null,
      importedAt: null,
      importedBy: null,
    };
  }

  /**
   * Imports the year's official schedule: validated whole (nothing stored when one day is
   * wrong), stored as the year's next version, merged into a new overrides version, and the
   * re-arm of running tickets and voicemails started.
   */
  async import(
    rawYear: string,
    body: { days?: unknown; note?: string | null },
    user: Principal,
  ): Promise<ImportedCalendarYear> {
    const year = parseCalendarYear(rawYear);
    if (!year.ok) throw badRequest(year.errors, '请求参数有误');
    const parsed = parseCalendarImport(year.value, body.days);
    if (!parsed.ok) throw badRequest(parsed.errors);
    const days: CalendarImportDay[] = parsed.value;
    const note = body.note?.trim() || null;

    const current = await this.viewOf(year.value, await this.store.calendar.latest());
    const claimed = await this.store.calendar.claimImport(current.version + 1, {
      year: year.value,
      days: days.map((d) => ({ ...d })),
      note,
      importedAt: new Date(),
      importedBy: user.id,
    });
    const published = await this.store.calendar.publish(async (latest, version) => {
      if ((latest?.years?.[String(year.value)] ?? 0) >= claimed.version) return null; // newer in force
      // Two admins importing the same year at once: the newest claimed version wins.
      const newest = (await this.store.calendar.newestImport(year.value, claimed.version))!;
      const data = overridesWithYear(
        overridesOf(latest, this.logger),
        year.value,
        newest.days,
        version,
      );
      const check = parseCalendarOverrides(data);
      if (!check.ok) {
        throw new InternalServerErrorException(
          `合成的日历覆盖数据有误：${check.errors.map((e) => `${e.field} ${e.message}`).join('；')}`,
        );
      }
      return {
        data,
        years: { ...(latest?.years ?? {}), [String(year.value)]: newest.version },
        importedBy: user.id,
      };
    });
    this.logger.log(
      `${user.id} 导入${year.value}年日历第 ${claimed.version} 版（${days.length} 天）；` +
        `法院日历第 ${published._id} 版生效，开始重算在办工单和待处理留言的期限`,
    );
    this.rearm.start(published._id);
    return {
      ...importView(claimed),
      rearm: { status: 'started', calendarVersion: published._id },
    };
  }
}

function importView(record: CalendarImportDoc): CourtCalendarYear {
  return {
    year: record.year,
    status: 'official',
    version: record.version,
    days: record.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null })),
    source: 'import',
    note: record.note ?? null,
    importedAt: new Date(record.importedAt).toISOString(),
    importedBy: record.importedBy,
  };
}
