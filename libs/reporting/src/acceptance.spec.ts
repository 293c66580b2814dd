import { type TicketFacts, ticketFacts } from '@court/database';
import { createCourtCalendar } from '@court/domain';
import { answeredTicket } from '../../../test/support/ledger-seed';
import {
  acceptDeadline,
  addWorkingTime,
  describeAcceptWithin,
  latestDispatch,
  parseAcceptWithin,
  unacceptedAt,
} from './acceptance';

const calendar = createCourtCalendar();
/** An instant in Shanghai time. */
const sh = (local: string) => Date.parse(`${local}+08:00`);
const iso = (ms: number) => new Date(ms).toISOString();
const H = 3_600_000;

describe('ACCEPT_WITHIN', () => {
  it('reads s, m, h as working time and wd as working days; refuses d and nonsense', () => {
    expect(parseAcceptWithin('2h')).toEqual({ text: '2h', unit: 'working-time', ms: 2 * H });
    expect(parseAcceptWithin(' 90M ')).toEqual({
      text: '90m',
      unit: 'working-time',
      ms: 90 * 60_000,
    });
    expect(parseAcceptWithin('1wd')).toEqual({ text: '1wd', unit: 'working-days', days: 1 });
    for (const bad of ['1d', '0h', '2', 'two hours', '', '2wh']) {
      expect(parseAcceptWithin(bad)).toBeNull();
    }
    expect(describeAcceptWithin(parseAcceptWithin('2h')!)).toBe('2小时（工作时间）');
    expect(describeAcceptWithin(parseAcceptWithin('90m')!)).toBe('90分钟（工作时间）');
    expect(describeAcceptWithin(parseAcceptWithin('1wd')!)).toBe('1个工作日');
  });
});

describe('working time on the court calendar (08:30–12:00, 14:30–17:30)', () => {
  const plus2h = (local: string) => iso(addWorkingTime(calendar, sh(local), 2 * H));

  it('runs within a working period', () => {
    expect(plus2h('2026-11-30T09:00:00')).toBe(iso(sh('2026-11-30T11:00:00')));
    // Exactly to the end of the morning: 12:00, not 14:30.
    expect(plus2h('2026-11-30T10:00:00')).toBe(iso(sh('2026-11-30T12:00:00')));
  });

  it('stops over lunch, the night and before the working day', () => {
    expect(plus2h('2026-11-30T11:00:00')).toBe(iso(sh('2026-11-30T15:30:00')));
    expect(plus2h('2026-11-30T12:30:00')).toBe(iso(sh('2026-11-30T16:30:00')));
    expect(plus2h('2026-11-30T17:00:00')).toBe(iso(sh('2026-12-01T10:00:00')));
    expect(plus2h('2026-11-30T20:00:00')).toBe(iso(sh('2026-12-01T10:30:00')));
    expect(plus2h('2026-12-01T06:00:00')).toBe(iso(sh('2026-12-01T10:30:00')));
  });

  it('skips weekends and statutory holidays, and works the make-up days', () => {
    // Friday 2026-12-04 17:00 → Monday 2026-12-07 10:00.
    expect(plus2h('2026-12-04T17:00:00')).toBe(iso(sh('2026-12-07T10:00:00')));
    // 国庆 2026: 10月1日–7日 off; Thursday 30 September 17:00 → Thursday 8 October 10:00.
    expect(plus2h('2026-09-30T17:00:00')).toBe(iso(sh('2026-10-08T10:00:00')));
    // 元旦 2026: 1月4日 (a Sunday) is worked: Saturday 3 January 20:00 → Sunday 4 January 10:30.
    expect(plus2h('2026-01-03T20:00:00')).toBe(iso(sh('2026-01-04T10:30:00')));
  });

  it('counts working days for wd as the other deadlines do', () => {
    const within = parseAcceptWithin('1wd')!;
    expect(iso(acceptDeadline(calendar, sh('2026-12-04T10:00:00'), within))).toBe(
      iso(sh('2026-12-07T10:00:00')),
    );
  });
});

describe('a transfer not accepted in time', () => {
  const NOW = sh('2026-12-01T10:00:00');
  const within = { text: '2h', unit: 'working-time', ms: 2 * H } as const;
  const deadline = (at: number) => acceptDeadline(calendar, at, within);
  const facts = (over: Partial<TicketFacts> & { lifecycle?: boolean } = {}): TicketFacts => {
    const { lifecycle = true, ...rest } = over;
    return {
      ...ticketFacts(
        answeredTicket('T1', new Date(sh('2026-11-30T08:00:00')), {
          type: 'complaint',
          status: 'dispatched',
          handlerId: 'judge01',
          departmentId: 'civil',
          dispatchedAt: new Date(sh('2026-11-30T15:00:00')),
          ...(lifecycle ? { acceptedAt: null } : {}),
        }),
      ),
      ...rest,
    };
  };
  const late = (t: TicketFacts) => unacceptedAt(t, NOW, deadline, within.ms);

  it('is listed once its working time to accept has passed', () => {
    // Dispatched Monday 15:00: due 17:00; still not accepted on Tuesday 10:00.
    expect(late(facts())).toEqual({
      id: 'T1',
      type: 'complaint',
      handlerId: 'judge01',
      departmentId: 'civil',
      dispatchedAt: sh('2026-11-30T15:00:00'),
      acceptBy: sh('2026-11-30T17:00:00'),
    });
    for (const status of ['overdue', 'reminded', 'bulletined']) {
      expect(late(facts({ status }))).not.toBeNull();
    }
  });

  it('is not listed while in time, once accepted, done, returned, or logged before 签收', () => {
    // Dispatched Monday 17:00: due Tuesday 10:00 — exactly now, not yet passed… then passed.
    const evening = facts({ dispatchedAt: sh('2026-11-30T17:00:00') });
    expect(unacceptedAt(evening, NOW - 1, deadline, within.ms)).toBeNull();
    expect(late(evening)).toEqual(expect.objectContaining({ acceptBy: NOW }));
    expect(late(facts({ dispatchedAt: sh('2026-12-01T09:00:00') }))).toBeNull();
    expect(late(facts({ acceptedAt: sh('2026-11-30T15:30:00') }))).toBeNull();
    for (const status of ['handled', 'closed', 'returned', 'answered', 'escalated']) {
      expect(late(facts({ status }))).toBeNull();
    }
    expect(late(facts({ lifecycle: false }))).toBeNull();
    expect(late(facts({ dispatchedAt: null }))).toBeNull();
  });

  it('runs from the latest reassignment', () => {
    const reassigned = facts({ reassignments: 1, lastReassignedAt: sh('2026-12-01T09:00:00') });
    expect(latestDispatch(reassigned)).toBe(sh('2026-12-01T09:00:00'));
    expect(late(reassigned)).toBeNull();
    const earlier = facts({ reassignments: 1, lastReassignedAt: sh('2026-11-30T09:00:00') });
    expect(latestDispatch(earlier)).toBe(sh('2026-11-30T15:00:00'));
  });
});
