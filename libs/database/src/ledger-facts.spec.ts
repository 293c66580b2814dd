import type { ExtensionStatus, LedgerDisposition, TicketType } from '@court/domain';
import fc from 'fast-check';
import { type TicketFacts, ticketFacts } from './ledger-facts';
import { decodeFacts, encodeFacts, FactsFormatError, factsRev } from './ledger-facts-codec';

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
  tracksAcceptance: fc.boolean(),
  acceptedAt: instant,
  returnedBy: fc.array(text, { maxLength: 4 }),
  reassignments: fc.nat({ max: 50 }),
  lastReassignedAt: instant,
  extensions: fc.record({
    requested: fc.nat({ max: 9 }),
    approved: fc.nat({ max: 9 }),
    refused: fc.nat({ max: 9 }),
  }),
});

/** Facts as they were before the lifecycle: what a v3 or v2 string decodes to. */
const withoutLifecycle = (f: TicketFacts): TicketFacts => ({
  ...f,
  tracksAcceptance: false,
  acceptedAt: null,
  returnedBy: [],
  reassignments: 0,
  lastReassignedAt: null,
  extensions: { requested: 0, approved: 0, refused: 0 },
});

/** The v3 string of these facts (the format before the lifecycle), as stored until now. */
function encodeV3(f: TicketFacts, rev: number): string {
  const parts = encodeFacts({ ...f, tracksAcceptance: false }, rev).split('|');
  return ['v3', ...parts.slice(1, parts.length - 7)].join('|');
}

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
      type: 'a|b' as TicketType, // any text survives the codec
      departmentId: '',
      handlerId: '~x%',
      loggedBy: 'agent01',
      disposition: { action: 'transfer', rule: '4.5' } as LedgerDisposition,
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
      disposition: { action: 'transfer', rule: '4.5' } as LedgerDisposition,
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
        const v3 = encodeV3(f, rev);
        expect(factsRev(v3)).toBe(rev);
        expect(decodeFacts(f.id, v3)).toEqual(withoutLifecycle(f));
        const before = v3.replace(`v3|${rev.toString(36)}|`, 'v2|');
        expect(factsRev(before)).toBe(-1);
        expect(decodeFacts(f.id, before)).toEqual(withoutLifecycle(f));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a v3 string stored before the lifecycle: nothing accepted, returned or extended', () => {
    const stored = 'v3|2|complaint|filing|head-filing|agent01|transfer|dispatched|k|||||||||||5';
    const f = decodeFacts('T4', stored);
    expect(f).toMatchObject({
      status: 'dispatched',
      receivedAt: 20,
      callbackDue: true,
      keyCallback: false,
      tracksAcceptance: false,
      acceptedAt: null,
      returnedBy: [],
      reassignments: 0,
      lastReassignedAt: null,
      extensions: { requested: 0, approved: 0, refused: 0 },
    });
    expect(factsRev(stored)).toBe(2);
  });

  it('takes the lifecycle from a ledger document: acceptance, returns, reassignments, extensions', () => {
    const base = {
      _id: 'T5',
      type: 'complaint' as const,
      departmentId: 'civil',
      handlerId: 'judge02',
      disposition: { action: 'transfer' } as LedgerDisposition,
      status: 'dispatched' as const,
      deadlines: {},
      receivedAt: new Date(1_000),
      dispatchedAt: new Date(2_000),
      overdueAt: null,
      remindedAt: null,
      bulletinedAt: null,
      feedback: null,
      callbackDue: false,
      keyCallback: false,
      callback: null,
    };
    const extension = (status: ExtensionStatus, requestedAt: number) => ({
      status,
      until: new Date(9_000),
      reason: '需调卷',
      requestedBy: 'judge02',
      requestedAt: new Date(requestedAt),
      previousFeedbackBy: null,
      decidedBy: null,
      decidedAt: null,
      note: null,
    });
    const f = ticketFacts({
      ...base,
      acceptedAt: null,
      returns: [
        { at: new Date(3_000), by: 'judge01', departmentId: 'filing', reason: '非本庭' },
        { at: new Date(3_500), by: 'x', departmentId: null, reason: '非本人' },
      ],
      reassignments: [
        {
          at: new Date(4_000),
          by: 'supervisor01',
          reason: '改派',
          from: { id: 'judge01', name: '李明', role: 'handler' as const },
          fromDepartmentId: 'filing',
          to: { id: 'judge02', name: '王芳', role: 'handler' as const },
          toDepartmentId: 'civil',
          lostMs: 2_000,
        },
        {
          at: new Date(3_800),
          by: 'supervisor01',
          reason: '改派',
          from: null,
          fromDepartmentId: null,
          to: { id: 'judge01', name: '李明', role: 'handler' as const },
          toDepartmentId: 'filing',
          lostMs: 1_800,
        },
      ],
      // The latest request (decided since) stands for its entry in the list.
      extension: extension('approved', 6_000),
      extensions: [extension('refused', 5_000), extension('pending', 6_000)],
    });
    expect(f).toMatchObject({
      tracksAcceptance: true,
      acceptedAt: null,
      returnedBy: ['filing', null],
      reassignments: 2,
      lastReassignedAt: 4_000,
      extensions: { requested: 2, approved: 1, refused: 1 },
    });
    expect(decodeFacts('T5', encodeFacts(f))).toEqual(f);
    // A document from before the lifecycle: no `acceptedAt` at all.
    expect(ticketFacts(base)).toMatchObject({
      tracksAcceptance: false,
      acceptedAt: null,
      returnedBy: [],
      reassignments: 0,
      extensions: { requested: 0, approved: 0, refused: 0 },
    });
    expect(ticketFacts({ ...base, acceptedAt: new Date(7_000) })).toMatchObject({
      tracksAcceptance: true,
      acceptedAt: 7_000,
    });
    // Only the latest request known (no list): counted once.
    expect(ticketFacts({ ...base, extension: extension('pending', 1) }).extensions).toEqual({
      requested: 1,
      approved: 0,
      refused: 0,
    });
  });

  it('refuses another format with an error naming the ticket', () => {
    expect(() => decodeFacts('T3', 'v0|x')).toThrow(FactsFormatError);
    expect(() => decodeFacts('T3', 'v0|x')).toThrow(/T3/);
  });
});
