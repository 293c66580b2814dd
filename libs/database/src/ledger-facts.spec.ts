import fc from 'fast-check';
import {
  decodeFacts,
  encodeFacts,
  FactsFormatError,
  factsRev,
  type TicketFacts,
  ticketFacts,
} from './ledger-facts';

const instant = fc.option(fc.integer({ min: -2_000_000_000_000, max: 8_000_000_000_000 }), {
  nil: null,
});
const text = fc.option(fc.string({ maxLength: 12 }), { nil: null });

const facts: fc.Arbitrary<TicketFacts> = fc.record({
  id: fc.constant('T20261128-0001'),
  type: fc.string({ maxLength: 24 }),
  departmentId: text,
  handlerId: text,
  loggedBy: text,
  action: text,
  status: text,
  receivedAt: instant,
  ringAt: instant,
  answeredAt: instant,
  dispatchBy: instant,
  dispatchedAt: instant,
  feedbackBy: instant,
  feedbackAt: instant,
  callbackBy: instant,
  overdueAt: instant,
  remindedAt: instant,
  bulletinedAt: instant,
  callbackDue: fc.boolean(),
  keyCallback: fc.boolean(),
  callback: fc.option(
    fc.record({ reached: fc.boolean(), satisfied: fc.option(fc.boolean(), { nil: null }) }),
    { nil: null },
  ),
});

describe('ledger facts encoding', () => {
  it('decodes what it encodes, whatever the ids and instants hold', () => {
    fc.assert(
      fc.property(facts, (f) => {
        expect(decodeFacts(f.id, encodeFacts(f))).toEqual(f);
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps separators, escapes and empty strings apart from missing values', () => {
    const f = ticketFacts({
      _id: 'T1',
      type: 'a|b',
      departmentId: '',
      handlerId: '~x%',
      loggedBy: 'agent01',
      disposition: { action: 'transfer', rule: '4.5' },
      status: 'dispatched',
      deadlines: { dispatchBy: new Date('2026-11-28T03:00:00Z'), feedbackBy: null },
      receivedAt: new Date('2026-11-28T01:00:00Z'),
      dispatchedAt: null,
      overdueAt: null,
      remindedAt: null,
      bulletinedAt: null,
      feedback: null,
      callbackDue: true,
      keyCallback: false,
      callback: null,
      ringAt: null,
      answeredAt: null,
    });
    const decoded = decodeFacts('T1', encodeFacts(f));
    expect(decoded).toEqual(f);
    expect(decoded.departmentId).toBe('');
    expect(decoded.feedbackBy).toBeNull();
  });

  it('takes the facts from a ledger document: action, deadlines, feedback and callback', () => {
    const f = ticketFacts({
      _id: 'T2',
      type: 'complaint',
      departmentId: 'filing',
      handlerId: 'head-filing',
      loggedBy: 'agent01',
      disposition: { action: 'transfer', rule: '4.5' },
      status: 'closed',
      deadlines: { dispatchBy: new Date(10), feedbackBy: new Date(20), callbackBy: new Date(30) },
      receivedAt: new Date(1),
      dispatchedAt: new Date(2),
      overdueAt: new Date(21),
      remindedAt: null,
      bulletinedAt: null,
      feedback: { result: '已处理', at: new Date(25), by: 'head-filing' },
      callbackDue: true,
      keyCallback: true,
      callback: { reached: true, satisfied: false, note: null, at: new Date(29), by: 'agent01' },
      ringAt: new Date(0),
      answeredAt: new Date(1),
    });
    expect(f).toMatchObject({
      action: 'transfer',
      status: 'closed',
      dispatchBy: 10,
      feedbackBy: 20,
      feedbackAt: 25,
      callbackBy: 30,
      overdueAt: 21,
      callback: { reached: true, satisfied: false },
    });
  });

  it('carries the ledger revision, and still reads the facts stored before revisions', () => {
    fc.assert(
      fc.property(facts, fc.nat(), (f, rev) => {
        const encoded = encodeFacts(f, rev);
        expect(factsRev(encoded)).toBe(rev);
        expect(decodeFacts(f.id, encoded)).toEqual(f);
        const before = encoded.replace(`v3|${rev.toString(36)}|`, 'v2|');
        expect(factsRev(before)).toBe(-1);
        expect(decodeFacts(f.id, before)).toEqual(f);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses another format with an error naming the ticket', () => {
    expect(() => decodeFacts('T3', 'v0|x')).toThrow(FactsFormatError);
    expect(() => decodeFacts('T3', 'v0|x')).toThrow(/T3/);
  });
});
