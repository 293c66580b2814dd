import fc from 'fast-check';
import { createCourtCalendar } from './calendar';
import { CHINESE_DAYS_HOLIDAYS } from './holiday-data';
import {
  addCivilDays,
  civilWeekday,
  shanghaiDate,
  shanghaiInstant,
  shanghaiMinuteOfDay,
  toEpochMs,
} from './shanghai-time';

const calendar = createCourtCalendar();
const NUM_RUNS = 300;

/** Instants from 2004-01-01 to 2026-12-15 (Shanghai), where the data is complete. */
const coveredInstant = fc
  .integer({ min: shanghaiInstant('2004-01-01'), max: shanghaiInstant('2026-12-15') })
  .map((ms) => ms);
const workingDayCount = fc.integer({ min: 1, max: 10 });

const ms = (iso: string) => toEpochMs(iso);

describe('calendar invariants (fast-check)', () => {
  it('a result of addWorkingDays is a working day, within the working day’s span, after the start', () => {
    fc.assert(
      fc.property(coveredInstant, workingDayCount, (from, n) => {
        const r = calendar.addWorkingDays(n, from);
        expect(calendar.isWorkingDay(r.at).working).toBe(true);
        const minute = shanghaiMinuteOfDay(r.at);
        expect(minute).toBeGreaterThanOrEqual(8 * 60 + 30);
        expect(minute).toBeLessThanOrEqual(17 * 60 + 30);
        expect(ms(r.at)).toBeGreaterThan(from);
        expect(r.provisional).toBe(false);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('adding is monotonic in the start', () => {
    fc.assert(
      fc.property(coveredInstant, coveredInstant, workingDayCount, (a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(ms(calendar.addWorkingDays(n, early).at)).toBeLessThanOrEqual(
          ms(calendar.addWorkingDays(n, late).at),
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('adding is monotonic in the count, and composes: (a + b) = a then b', () => {
    fc.assert(
      fc.property(coveredInstant, workingDayCount, workingDayCount, (from, a, b) => {
        const once = calendar.addWorkingDays(a + b, from).at;
        const twice = calendar.addWorkingDays(b, calendar.addWorkingDays(a, from).at).at;
        expect(twice).toBe(once);
        expect(ms(calendar.addWorkingDays(a, from).at)).toBeLessThan(ms(once));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('exactly n working days lie after the start day up to the result day', () => {
    fc.assert(
      fc.property(coveredInstant, workingDayCount, (from, n) => {
        const end = shanghaiDate(calendar.addWorkingDays(n, from).at);
        let count = 0;
        for (let d = addCivilDays(shanghaiDate(from), 1); d <= end; d = addCivilDays(d, 1)) {
          if (calendar.isWorkingDay(d).working) count++;
        }
        expect(count).toBe(n);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('make-up Saturdays and Sundays count as working days, and 1 working day reaches them', () => {
    const makeUpDays = Object.keys(CHINESE_DAYS_HOLIDAYS.workingDays).filter(
      (d) => Number(d.slice(0, 4)) >= 2004 && [0, 6].includes(civilWeekday(d)),
    );
    expect(makeUpDays.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(
        fc.constantFrom(...makeUpDays),
        fc.integer({ min: 510, max: 1050 }),
        (day, minute) => {
          expect(calendar.isWorkingDay(day)).toMatchObject({
            working: true,
            kind: 'makeup_workday',
          });
          let previous = addCivilDays(day, -1);
          while (!calendar.isWorkingDay(previous).working) previous = addCivilDays(previous, -1);
          expect(
            shanghaiDate(calendar.addWorkingDays(1, shanghaiInstant(previous, minute)).at),
          ).toBe(day);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('statutory holidays on weekdays are not working days', () => {
    const weekdayHolidays = Object.keys(CHINESE_DAYS_HOLIDAYS.closures).filter(
      (d) => ![0, 6].includes(civilWeekday(d)),
    );
    fc.assert(
      fc.property(fc.constantFrom(...weekdayHolidays), (day) => {
        expect(calendar.isWorkingDay(day)).toMatchObject({ working: false, kind: 'holiday' });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('nextWorkingDayStart is the first working moment at or after the input', () => {
    fc.assert(
      fc.property(coveredInstant, (at) => {
        const due = calendar.nextWorkingDayStart(at);
        const dueMs = ms(due.at);
        expect(dueMs).toBeGreaterThanOrEqual(at);
        expect(calendar.isWithinWorkingHours(due.at).within).toBe(true);
        if (calendar.isWithinWorkingHours(at).within) {
          expect(dueMs).toBe(at);
        } else {
          // due is the start of a working period, and nothing in between was working time
          expect([510, 870]).toContain(shanghaiMinuteOfDay(due.at));
          expect(calendar.isWithinWorkingHours(dueMs - 1000).within).toBe(false);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('outside covered years: Monday–Friday, always provisional', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 10 }), (offset) => {
        const day = addCivilDays('2028-01-01', offset);
        const info = calendar.isWorkingDay(day);
        expect(info.working).toBe(![0, 6].includes(civilWeekday(day)));
        expect(info.provisional).toBe(true);
        expect(info.uncoveredYears).toEqual([Number(day.slice(0, 4))]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
