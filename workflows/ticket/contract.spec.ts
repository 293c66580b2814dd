import {
  createDirectory,
  DEMO_CASE_NUMBER,
  DEMO_DIRECTORY,
  decideDisposition,
  NO_FLAGS,
} from '../../libs/domain/src';
import {
  TICKET_SEARCH_ATTRIBUTES,
  type TicketWorkflowInput,
  ticketRuleBasis,
  ticketWorkflowId,
  ticketWorkflowOptions,
} from './contract';

const directory = createDirectory(DEMO_DIRECTORY);

function input(routing: Parameters<typeof decideDisposition>[0]): TicketWorkflowInput {
  const decided = decideDisposition(routing, directory);
  if (!decided.ok) throw new Error(JSON.stringify(decided.errors));
  return {
    ticketId: 'T20261128-0001',
    type: routing.type,
    caseNumber: routing.caseNumber ?? null,
    flags: { ...NO_FLAGS, ...routing.flags },
    receivedAt: '2026-11-28T01:00:00.000Z',
    disposition: decided.value,
    departmentHead: null,
    loggedBy: 'agent01',
  };
}

describe('ticketWorkflowOptions: the Web UI summary and details', () => {
  it('4.2 first contact: the judge’s mobile, in the explanation, stays out of both', () => {
    const ticket = input({ type: 'contact_judge', caseNumber: DEMO_CASE_NUMBER });
    const judge = ticket.disposition.judgeContact!;
    expect(ticket.disposition.explanation).toContain(judge.phone);
    const options = ticketWorkflowOptions(ticket);
    expect(options.staticDetails).toBe('依据第四条第二项');
    expect(`${options.staticSummary} ${options.staticDetails}`).not.toContain(judge.phone);
  });

  it('an override: the clauses and that it was overridden, not the agent’s free-text reason', () => {
    const reason = '来电人张三（13800138000）称实为民事审判庭拖延';
    const ticket = input({
      type: 'complaint',
      complaint: { category: 'filing', specificClues: false },
      override: { action: 'transfer', targetId: 'head-civil', reason },
    });
    const options = ticketWorkflowOptions(ticket);
    expect(options.staticDetails).toMatch(/^依据第四条第.项（座席员改变了系统建议的处理方式）$/);
    expect(`${options.staticSummary} ${options.staticDetails}`).not.toContain('13800138000');
  });

  it('names every route: a 4.8 escalation alongside the type’s own', () => {
    const ticket = input({
      type: 'complaint',
      complaint: { category: 'filing', specificClues: false },
      flags: { urgent: true },
    });
    expect(ticketRuleBasis(ticket.disposition)).toBe('依据第四条第八项；同时依据第四条第五项');
  });
});

describe('ticketWorkflowOptions: id, queue and search attributes', () => {
  it('starts `ticket-<id>` on the tickets queue unless told otherwise, with known attributes only', () => {
    const ticket = input({ type: 'contact_judge', caseNumber: DEMO_CASE_NUMBER });
    expect(ticketWorkflowId(ticket.ticketId)).toBe('ticket-T20261128-0001');
    expect(ticketWorkflowOptions(ticket)).toMatchObject({
      workflowId: 'ticket-T20261128-0001',
      taskQueue: 'tickets',
      args: [ticket],
    });
    expect(ticketWorkflowOptions(ticket, 'other').taskQueue).toBe('other');
    const known = TICKET_SEARCH_ATTRIBUTES.map((key) => key.name);
    for (const { key } of ticketWorkflowOptions(ticket).typedSearchAttributes) {
      expect(known).toContain(key.name);
    }
  });
});
