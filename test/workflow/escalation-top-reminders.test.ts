import type { WorkflowHandle } from '@temporalio/client';
import { DEMO_CASE_NUMBER } from '../../libs/domain/src';
import {
  acknowledgeEscalationUpdate,
  getTicketQuery,
  submitFeedbackUpdate,
  type TicketView,
  type TicketWorkflowInput,
  ticketWorkflowOptions,
} from '../../workflows/ticket/contract';
import { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';
import { recordHistory } from '../support/history-fixtures';
import { eventually, TemporalHarness } from '../support/temporal-harness';
import { callBackOnceDue } from '../support/ticket-callback';
import { shortPolicy, storedFor, ticketInput } from '../support/ticket-harness';

/**
 * Art. 4.8 at the top of the ladder, on the dev server with 2-second acknowledgement windows:
 * while nobody acknowledges, the top level is notified again each window (urgent, SMS at any
 * hour) and the supervisors are alerted in-app, until acknowledged or the ticket closes.
 */
describe('escalation: reminders at the top of the ladder (escalation-top-reminders)', () => {
  const harness = new TemporalHarness();

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  function start(input: TicketWorkflowInput): Promise<WorkflowHandle<typeof ticketWorkflow>> {
    return harness.client.workflow.start(
      ticketWorkflow,
      ticketWorkflowOptions(input, harness.taskQueue),
    );
  }

  const reminders = (view: TicketView) => view.timeline.filter((e) => e.kind === 'notified');

  async function remindedTimes(handle: WorkflowHandle, count: number): Promise<TicketView> {
    return eventually(async () => {
      const view = await handle.query(getTicketQuery);
      if (reminders(view).length < count) throw new Error(`${reminders(view).length} reminders`);
      return view;
    }, `${count} reminders at the top`);
  }

  it('re-notifies the top level and alerts the supervisors each window until acknowledged', async () => {
    const input = ticketInput({ type: 'case_inquiry' }, shortPolicy(), { urgent: true });
    const ladder = input.disposition.escalationLadder!;
    expect(ladder.map((l) => l.people.map((p) => p.id))).toEqual([
      ['head-filing'],
      ['vice-president', 'president'],
    ]);
    const handle = await start(input);
    const view = await remindedTimes(handle, 2);
    expect(view.status).toBe('escalated');
    expect(view.escalation).toMatchObject({ level: 2, acknowledgedBy: null });
    expect(reminders(view).map((e) => e.note)).toEqual([
      `${ladder[1]!.label}逾2秒未确认，第1次再通知：${ladder[1]!.people.map((p) => p.name).join('、')}；已提示督办人员`,
      `${ladder[1]!.label}逾2秒未确认，第2次再通知：${ladder[1]!.people.map((p) => p.name).join('、')}；已提示督办人员`,
    ]);

    const { ticketId } = input;
    const stored = await eventually(async () => {
      const s = await storedFor(harness.database, ticketId);
      const alerts = s.inbox.filter((n) => n.kind === 'escalation_unacknowledged');
      if (alerts.length < 2) throw new Error(`${alerts.length} alerts`);
      return s;
    }, 'supervisor alerts stored');
    const escalations = stored.inbox.filter((n) => n.kind === 'escalation').map((n) => n._id);
    for (const round of [1, 2]) {
      for (const leader of ['vice-president', 'president']) {
        expect(escalations).toContain(`${ticketId}:escalation:${leader}:l2-r${round}`);
      }
    }
    expect(escalations).not.toContain(`${ticketId}:escalation:head-filing:l1-r1`);
    const alerts = stored.inbox.filter((n) => n.kind === 'escalation_unacknowledged');
    expect(alerts.map((n) => [n._id, n.recipientId])).toEqual([
      [`${ticketId}:escalation_unacknowledged:group:supervisor:l2-r1`, 'group:supervisor'],
      [`${ticketId}:escalation_unacknowledged:group:supervisor:l2-r2`, 'group:supervisor'],
    ]);
    expect(alerts[0]!.text).toContain(`工单${ticketId}`);
    expect(alerts[0]!.text).toContain('案件查询');
    expect(alerts[0]!.text).toContain('第2级');
    expect(alerts[0]!.text).toMatch(/[3-9]秒仍未确认/); // two windows and a bit: 4 s
    // the reminders go by SMS too, at any hour; the supervisors' alert in-app only
    expect(
      stored.sms
        .filter((m) => m._id.endsWith(':l2-r1'))
        .map((m) => m.recipientId)
        .sort(),
    ).toEqual(['president', 'vice-president']);
    expect(stored.sms.some((m) => m.kind === 'escalation_unacknowledged')).toBe(false);

    const acknowledged = await handle.executeUpdate(acknowledgeEscalationUpdate, {
      args: [{ actorId: 'president', note: '已部署处置' }],
    });
    expect(acknowledged.escalation).toMatchObject({ acknowledgedBy: 'president' });
    const result = await handle.result();
    expect(result.status).toBe('answered');
    const after = reminders(result).length;
    expect(after).toBeGreaterThanOrEqual(2);
    expect(result.timeline.at(-1)?.kind).toBe('acknowledged');
    await recordHistory(handle, 'escalation-top-reminders');
  }, 60_000);

  it('stops reminding when the ticket closes, even unacknowledged', async () => {
    const input = ticketInput(
      {
        type: 'complaint',
        complaint: { category: 'conduct', specificClues: false },
        caseNumber: DEMO_CASE_NUMBER,
      },
      shortPolicy({ POLICY_FEEDBACK_WITHIN: '1h' }),
      { urgent: true },
    );
    const handle = await start(input);
    await remindedTimes(handle, 1);
    await handle.executeUpdate(submitFeedbackUpdate, {
      args: [{ actorId: 'head-civil', result: '已核实处理' }],
    });
    await callBackOnceDue(handle);
    const result = await handle.result();
    expect(result.status).toBe('closed');
    expect(result.escalation).toMatchObject({ level: 2, acknowledgedBy: null });
    const closedAt = Date.parse(result.closedAt!);
    expect(reminders(result).every((e) => Date.parse(e.at) <= closedAt)).toBe(true);
  }, 60_000);
});
