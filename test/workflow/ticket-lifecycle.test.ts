import { type WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { DEMO_CASE_NUMBER } from '../../libs/domain/src';
import {
  acceptTicketUpdate,
  decideExtensionUpdate,
  getTicketQuery,
  reassignTicketUpdate,
  recordAttachmentUpdate,
  recordProgressUpdate,
  requestExtensionUpdate,
  returnTicketUpdate,
  submitFeedbackUpdate,
  type TicketView,
  type TicketWorkflowInput,
  ticketWorkflowOptions,
} from '../../workflows/ticket/contract';
import { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';
import { recordHistory } from '../support/history-fixtures';
import { eventually, TemporalHarness } from '../support/temporal-harness';
import { shortPolicy, storedFor, ticketInput } from '../support/ticket-harness';

/**
 * The rest of a ticket's life on the dev server, with a 4-second feedback window: accept,
 * progress, return → reassign (the window restarts), extension approved / refused / unanswered.
 */
describe('ticket lifecycle additions on the dev server', () => {
  const harness = new TemporalHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  /** 4.2, the judge could not be reached: a transfer to judge01, whose head is head-civil. */
  const toJudge = (policy = shortPolicy()) =>
    ticketInput({ type: 'contact_judge', caseNumber: DEMO_CASE_NUMBER }, policy, {
      couldNotReachJudge: true,
    });
  const judge02 = { id: 'head-filing', name: '吴立新', role: 'handler' as const };

  async function dispatched(input: TicketWorkflowInput) {
    const handle = await harness.client.workflow.start(
      ticketWorkflow,
      ticketWorkflowOptions(input, harness.taskQueue),
    );
    const view = await statusBecomes(handle, 'dispatched');
    return { handle, view };
  }

  function statusBecomes(handle: WorkflowHandle, status: TicketView['status']) {
    return eventually(async () => {
      const view = await handle.query(getTicketQuery);
      if (view.status !== status) throw new Error(`status ${view.status}`);
      return view;
    }, `status ${status}`);
  }

  /** Overdue (a short policy reminds and bulletins within seconds, so the status moves on). */
  function turnsRed(handle: WorkflowHandle) {
    return eventually(async () => {
      const view = await handle.query(getTicketQuery);
      if (view.overdueAt === null) throw new Error(`status ${view.status}`);
      return view;
    }, 'overdue');
  }

  async function refusal(promise: Promise<unknown>): Promise<string> {
    const error = await promise.then(
      () => new Error('accepted'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    return ((error as WorkflowUpdateFailedError).cause as unknown as { type: string }).type;
  }

  const kinds = (view: TicketView) => view.timeline.map((e) => e.kind);

  it('the handler accepts once and records progress; nobody else may; the ledger keeps both', async () => {
    const input = toJudge();
    const { handle } = await dispatched(input);
    expect(
      await refusal(
        handle.executeUpdate(acceptTicketUpdate, { args: [{ actorId: 'head-civil' }] }),
      ),
    ).toBe('forbidden');
    const accepted = await handle.executeUpdate(acceptTicketUpdate, {
      args: [{ actorId: 'judge01' }],
    });
    expect(accepted.acceptedAt).toEqual(expect.any(String));
    expect(
      await refusal(handle.executeUpdate(acceptTicketUpdate, { args: [{ actorId: 'judge01' }] })),
    ).toBe('conflict');
    const progressed = await handle.executeUpdate(recordProgressUpdate, {
      args: [{ actorId: 'judge01', note: '已调取卷宗，正在核实' }],
    });
    expect(progressed.progressNotes).toEqual([
      { at: expect.any(String), by: 'judge01', note: '已调取卷宗，正在核实' },
    ]);
    expect(progressed.status).toBe('dispatched');
    const noted = await handle.executeUpdate(recordAttachmentUpdate, {
      args: [{ actorId: 'agent01', attachmentId: 'a1', name: '录音.mp3' }],
    });
    expect(kinds(noted)).toEqual(expect.arrayContaining(['accepted', 'progress', 'attachment']));
    const { ticket, events } = await storedFor(harness.database, input.ticketId);
    expect(ticket?.acceptedAt).toBeInstanceOf(Date);
    expect(ticket?.progressNotes).toHaveLength(1);
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['accepted', 'progress']));
    await handle.executeUpdate(submitFeedbackUpdate, {
      args: [{ actorId: 'judge01', result: '已回电' }],
    });
    await handle.terminate('test done');
  });

  it('a returned ticket waits without a clock; the reassignment restarts the window and keeps both routes', async () => {
    const input = toJudge();
    const { handle, view: first } = await dispatched(input);
    expect(
      await refusal(
        handle.executeUpdate(returnTicketUpdate, {
          args: [{ actorId: 'head-civil', reason: 'x' }],
        }),
      ),
    ).toBe('forbidden');
    const returned = await handle.executeUpdate(returnTicketUpdate, {
      args: [{ actorId: 'judge01', reason: '本案已移送立案庭' }],
    });
    expect(returned.status).toBe('returned');
    expect(returned.deadlines.feedbackBy).toBeNull();
    expect(returned.returns).toEqual([
      expect.objectContaining({ by: 'judge01', departmentId: 'civil', reason: '本案已移送立案庭' }),
    ]);
    // Past the first window: a returned ticket does not go red.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect((await handle.query(getTicketQuery)).status).toBe('returned');
    expect(
      await refusal(
        handle.executeUpdate(submitFeedbackUpdate, { args: [{ actorId: 'judge01', result: 'x' }] }),
      ),
    ).toBe('conflict');

    const reassignedAt = Date.now();
    const reassigned = await handle.executeUpdate(reassignTicketUpdate, {
      args: [
        {
          actorId: 'agent01',
          reason: '改由立案庭办理',
          target: judge02,
          departmentId: 'filing',
          departmentHead: judge02,
        },
      ],
    });
    expect(reassigned.status).toBe('dispatched');
    expect(reassigned.handler).toEqual(judge02);
    expect(reassigned.departmentId).toBe('filing');
    expect(Date.parse(reassigned.deadlines.feedbackBy!)).toBeGreaterThanOrEqual(
      reassignedAt + 3_000,
    );
    expect(Date.parse(reassigned.deadlines.feedbackBy!)).toBeGreaterThan(
      Date.parse(first.deadlines.feedbackBy!) + 4_000,
    );
    expect(reassigned.reassignments).toEqual([
      expect.objectContaining({
        by: 'agent01',
        from: expect.objectContaining({ id: 'judge01' }),
        to: judge02,
        toDepartmentId: 'filing',
        lostMs: expect.any(Number),
      }),
    ]);
    expect(reassigned.reassignments[0]!.lostMs).toBeGreaterThanOrEqual(5_000);
    expect(kinds(reassigned)).toEqual(expect.arrayContaining(['returned', 'reassigned']));
    // The old handler no longer may; the new one goes red when the new window passes.
    expect(
      await refusal(
        handle.executeUpdate(submitFeedbackUpdate, { args: [{ actorId: 'judge01', result: 'x' }] }),
      ),
    ).toBe('forbidden');
    const red = await turnsRed(handle);
    expect(Date.parse(red.overdueAt!)).toBeGreaterThanOrEqual(
      Date.parse(reassigned.deadlines.feedbackBy!),
    );
    await handle.executeUpdate(submitFeedbackUpdate, {
      args: [{ actorId: 'head-filing', result: '已办理' }],
    });

    const { ticket } = await eventually(async () => {
      const stored = await storedFor(harness.database, input.ticketId);
      if (stored.ticket?.status !== 'handled') throw new Error(String(stored.ticket?.status));
      return stored;
    }, 'ledger handled');
    expect(ticket).toMatchObject({ handlerId: 'head-filing', departmentId: 'filing' });
    expect(ticket?.disposition).toMatchObject({ target: { id: 'head-filing' } });
    expect(ticket?.returns).toHaveLength(1);
    expect(ticket?.reassignments?.[0]).toMatchObject({
      from: { id: 'judge01' },
      to: { id: 'head-filing' },
    });
    await recordHistory(handle, 'returned-reassigned');
    await handle.terminate('test done');
  });

  it('an approved extension moves the deadline: not overdue before it, red after', async () => {
    const input = toJudge();
    const { handle, view } = await dispatched(input);
    const original = Date.parse(view.deadlines.feedbackBy!);
    const until = new Date(original + 5_000).toISOString();
    expect(
      await refusal(
        handle.executeUpdate(requestExtensionUpdate, {
          args: [{ actorId: 'judge01', until: view.deadlines.feedbackBy!, reason: 'x' }],
        }),
      ),
    ).toBe('invalid');
    const asked = await handle.executeUpdate(requestExtensionUpdate, {
      args: [{ actorId: 'judge01', until, reason: '需调取外地卷宗' }],
    });
    expect(asked.extension).toMatchObject({ status: 'pending', until, reason: '需调取外地卷宗' });
    expect(
      await refusal(
        handle.executeUpdate(requestExtensionUpdate, {
          args: [{ actorId: 'judge01', until, reason: 'again' }],
        }),
      ),
    ).toBe('conflict');
    const decide = (actorId: string, asSupervisor = false) =>
      handle.executeUpdate(decideExtensionUpdate, {
        args: [{ actorId, asSupervisor, approve: true, note: '同意' }],
      });
    expect(await refusal(decide('judge01'))).toBe('forbidden');
    expect(await refusal(decide('head-filing'))).toBe('forbidden');
    const approved = await decide('head-civil');
    expect(approved.extension).toMatchObject({ status: 'approved', decidedBy: 'head-civil' });
    expect(approved.deadlines.feedbackBy).toBe(until);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, original + 1_000 - Date.now())));
    expect((await handle.query(getTicketQuery)).status).toBe('dispatched');
    const red = await turnsRed(handle);
    expect(Date.parse(red.overdueAt!)).toBeGreaterThanOrEqual(Date.parse(until));
    expect(kinds(red)).toEqual(
      expect.arrayContaining(['extension_requested', 'extension_approved', 'overdue']),
    );
    const { ticket } = await storedFor(harness.database, input.ticketId);
    expect(ticket?.extension).toMatchObject({ status: 'approved' });
    await recordHistory(handle, 'extension-approved');
    await handle.terminate('test done');
  });

  it('a refused extension leaves the deadline; an unanswered one expires when it passes', async () => {
    const refusedInput = toJudge();
    const unansweredInput = toJudge();
    const [refused, unanswered] = await Promise.all([
      dispatched(refusedInput),
      dispatched(unansweredInput),
    ]);
    for (const { handle, view } of [refused, unanswered]) {
      await handle.executeUpdate(requestExtensionUpdate, {
        args: [
          {
            actorId: 'judge01',
            until: new Date(Date.parse(view.deadlines.feedbackBy!) + 60_000).toISOString(),
            reason: '需要更多时间',
          },
        ],
      });
    }
    const decided = await refused.handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actorId: 'supervisor01', asSupervisor: true, approve: false, note: '请按期反馈' }],
    });
    expect(decided.extension).toMatchObject({ status: 'refused', note: '请按期反馈' });
    expect(decided.deadlines.feedbackBy).toBe(refused.view.deadlines.feedbackBy);

    const [red, expired] = await Promise.all([
      turnsRed(refused.handle),
      turnsRed(unanswered.handle),
    ]);
    expect(Date.parse(red.overdueAt!)).toBeLessThan(
      Date.parse(refused.view.deadlines.feedbackBy!) + 3_000,
    );
    expect(expired.extension).toMatchObject({ status: 'expired' });
    expect(kinds(expired)).toContain('extension_expired');
    expect(
      await refusal(
        unanswered.handle.executeUpdate(decideExtensionUpdate, {
          args: [{ actorId: 'head-civil', asSupervisor: false, approve: true, note: null }],
        }),
      ),
    ).toBe('conflict');
    // Once red, no return and no extension.
    expect(
      await refusal(
        red &&
          refused.handle.executeUpdate(returnTicketUpdate, {
            args: [{ actorId: 'judge01', reason: 'x' }],
          }),
      ),
    ).toBe('conflict');
    await Promise.all([refused.handle.terminate('done'), unanswered.handle.terminate('done')]);
  });

  it('the handler head approving for a head-handler ticket is refused: a supervisor decides', async () => {
    const input = ticketInput({ type: 'petition' }, shortPolicy({ POLICY_FEEDBACK_WITHIN: '60s' }));
    const { handle, view } = await dispatched(input);
    expect(view.handler?.id).toBe('head-petition');
    await handle.executeUpdate(requestExtensionUpdate, {
      args: [
        {
          actorId: 'head-petition',
          until: new Date(Date.now() + 120_000).toISOString(),
          reason: 'x',
        },
      ],
    });
    expect(
      await refusal(
        handle.executeUpdate(decideExtensionUpdate, {
          args: [{ actorId: 'head-petition', asSupervisor: false, approve: true, note: null }],
        }),
      ),
    ).toBe('forbidden');
    const { inbox } = await eventually(async () => {
      const stored = await storedFor(harness.database, input.ticketId);
      if (!stored.inbox.some((n) => n.kind === 'extension_requested'))
        throw new Error('no notice yet');
      return stored;
    }, 'extension notice');
    expect(inbox.filter((n) => n.kind === 'extension_requested').map((n) => n.recipientId)).toEqual(
      ['group:supervisor'],
    );
    await handle.terminate('test done');
  });
});
