import type { TicketLedgerDoc } from '@court/database';
import 'reflect-metadata';
import { DispositionView, TicketDetail, TicketListItem } from './dto/ticket-view.dto';
import { publicDisposition, ticketListItem, ticketResponse } from './ticket-view';

const doc = {
  _id: 'T20261128-0001',
  workflowId: 'ticket-T20261128-0001',
  type: 'complaint',
  channel: 'phone',
  caseNumber: null,
  caller: { name: '张三', phone: '13800138000' },
  content: '反映立案庭拖延立案',
  answer: null,
  flags: { urgent: false },
  status: 'dispatched',
  redLight: false,
  disposition: {
    action: 'transfer',
    rule: '4.5',
    rowId: '4.5-filing',
    target: { id: 'head-filing', name: '吴立新', role: 'handler' },
    departmentId: 'filing',
    explanation: '依据第四条第五项',
    alsoRoutes: [],
    escalationLadder: null,
    overridden: false,
    overrideReason: null,
    originalProposal: null,
  },
  handlerId: 'head-filing',
  departmentId: 'filing',
  deadlines: { dispatchBy: new Date('2026-11-28T03:00:00Z'), feedbackBy: null },
  receivedAt: new Date('2026-11-28T01:00:00Z'),
  repeatCalls: [],
  createdAt: new Date('2026-11-28T01:00:01Z'),
  updatedAt: new Date('2026-11-28T01:00:02Z'),
} as unknown as TicketLedgerDoc;

describe('ticket views', () => {
  it('shows the stored ticket with every deadline and the events as its timeline', () => {
    const view = ticketResponse(
      doc,
      [{ at: new Date('2026-11-28T01:00:01Z'), kind: 'created', actor: 'agent01', note: null }],
      null,
      { maskCaller: false },
    );
    expect(view).toMatchObject({
      id: 'T20261128-0001',
      caller: { name: '张三', phone: '13800138000' },
      deadlines: {
        dispatchBy: '2026-11-28T03:00:00.000Z',
        feedbackBy: null,
        reminderBy: null,
        bulletinBy: null,
        callbackBy: null,
      },
      timeline: [{ at: '2026-11-28T01:00:01.000Z', kind: 'created', actor: 'agent01', note: null }],
    });
  });

  it('masks the phone when asked and in list items, and drops internal disposition fields', () => {
    expect(ticketResponse(doc, [], null, { maskCaller: true }).caller.phone).toBe('138****8000');
    const item = ticketListItem(doc);
    expect(item.caller.phone).toBe('138****8000');
    expect(item).not.toHaveProperty('content');
    const d = publicDisposition(doc.disposition);
    expect(d).not.toHaveProperty('rowId');
    expect(d).not.toHaveProperty('originalProposal');
    expect(d).toMatchObject({ action: 'transfer', rule: '4.5', target: { id: 'head-filing' } });
  });

  it('prefers the live workflow state over the ledger', () => {
    const live = {
      status: 'overdue',
      redLight: true,
      deadlines: {
        dispatchBy: null,
        feedbackBy: 'x',
        reminderBy: 'y',
        bulletinBy: null,
        callbackBy: null,
      },
      timeline: [],
      repeatCalls: [],
      feedback: null,
      callback: null,
    } as never;
    expect(ticketResponse(doc, [], live, { maskCaller: false })).toMatchObject({
      status: 'overdue',
      redLight: true,
      deadlines: { reminderBy: 'y' },
    });
  });
});

/** The names OpenAPI documents for a response class (inherited ones included). */
function documentedFields(dto: abstract new () => unknown): string[] {
  const names: string[] = Reflect.getMetadata('swagger/apiModelPropertiesArray', dto.prototype);
  return names.map((name) => name.replace(/^:/, '')).sort();
}

describe('the OpenAPI schemas of ticket views', () => {
  const options = { maskCaller: true };

  it('document every field of a ticket and of a list row, and nothing else', () => {
    expect(Object.keys(ticketResponse(doc, [], null, options)).sort()).toEqual(
      documentedFields(TicketDetail),
    );
    expect(Object.keys(ticketListItem(doc)).sort()).toEqual(documentedFields(TicketListItem));
  });

  it('document every field of a disposition', () => {
    expect(Object.keys(publicDisposition(doc.disposition)!).sort()).toEqual(
      documentedFields(DispositionView),
    );
  });
});
