import { type ChildProcess, spawn } from 'node:child_process';
import type { WorkflowHandle } from '@temporalio/client';
import { ledgerModels, notificationModels } from '../../libs/database/src';
import { TASK_QUEUES } from '../../libs/temporal/src/task-queues';
import {
  getTicketQuery,
  recordCallbackUpdate,
  submitFeedbackUpdate,
  type TicketView,
  ticketWorkflowOptions,
} from '../../workflows/ticket/contract';
import type { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';
import { builtAppEntry } from '../support/built-app';
import { eventually, TemporalHarness } from '../support/temporal-harness';
import { shortPolicy, ticketInput } from '../support/ticket-harness';

/**
 * The ticket worker as a real process (the compiled app that `npm start` runs), killed with
 * SIGKILL in the middle of its tickets' paths and started again: every path finishes, with
 * no ledger event and no notice lost or written twice.
 */
describe('a ticket worker killed mid-path', () => {
  const harness = new TemporalHarness();
  let worker: ChildProcess | undefined;

  function startWorkerProcess(): Promise<ChildProcess> {
    const child = spawn(process.execPath, [builtAppEntry('worker')], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`worker exited early (code ${code})`)));
      child.on('message', (message: { type?: string }) => {
        if (message?.type === 'ready') resolve(child);
      });
    });
  }

  async function kill(child: ChildProcess): Promise<void> {
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  beforeAll(async () => {
    await harness.start(); // the notifications worker; tickets go to the app's own queue
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) await kill(worker);
    await harness.stop();
  });

  it('finishes every path after a SIGKILL and a restart, exactly once', async () => {
    worker = await startWorkerProcess();
    const policy = shortPolicy({ POLICY_FEEDBACK_WITHIN: '3s', POLICY_BULLETIN_AFTER: '3s' });
    const inputs = Array.from({ length: 5 }, () => ticketInput({ type: 'petition' }, policy));
    const handles: WorkflowHandle<typeof ticketWorkflow>[] = [];
    for (const input of inputs) {
      handles.push(
        await harness.client.workflow.start(
          'ticketWorkflow',
          ticketWorkflowOptions(input, TASK_QUEUES.tickets),
        ),
      );
    }
    await eventually(async () => {
      for (const handle of handles) {
        if ((await handle.query(getTicketQuery)).status !== 'dispatched')
          throw new Error('not yet');
      }
    }, 'all dispatched');

    await kill(worker);
    // Deadlines pass while no worker runs: the timers fire anyway, and are handled on restart.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    worker = await startWorkerProcess();

    const bulletined: TicketView[] = [];
    for (const handle of handles) {
      bulletined.push(
        await eventually(async () => {
          const view = await handle.query(getTicketQuery);
          if (view.status !== 'bulletined') throw new Error(view.status);
          return view;
        }, 'bulletined after restart'),
      );
    }
    for (const view of bulletined) expect(view.redLight).toBe(true);

    await kill(worker);
    worker = await startWorkerProcess();
    for (const handle of handles) {
      await handle.executeUpdate(submitFeedbackUpdate, {
        args: [{ actorId: 'head-petition', result: '已办理' }],
      });
      await eventually(async () => {
        if (!(await handle.query(getTicketQuery)).deadlines.callbackBy)
          throw new Error('no callbackBy');
      }, 'callback due');
      await handle.executeUpdate(recordCallbackUpdate, {
        args: [{ actorId: 'agent01', reached: true, satisfied: true, note: null }],
      });
      expect((await handle.result()).status).toBe('closed');
    }

    const ledger = ledgerModels(harness.database);
    const notices = notificationModels(harness.database);
    for (const [i, input] of inputs.entries()) {
      const final = await handles[i]!.query(getTicketQuery);
      const events = await ledger.events.find({ ticketId: input.ticketId }).sort({ seq: 1 }).lean();
      // the ledger holds the timeline exactly: every event once, none missing
      expect(events.map((e) => e.kind)).toEqual(final.timeline.map((e) => e.kind));
      expect(events.map((e) => e.seq)).toEqual(final.timeline.map((_, n) => n + 1));
      const sms = await notices.sms.find({ ticketId: input.ticketId }).lean();
      const perKind = (kind: string) => sms.filter((m) => m.kind === kind).length;
      expect(perKind('dispatch')).toBe(1);
      expect(perKind('red_light')).toBe(1);
      expect(perKind('reminder')).toBe(final.reminders);
      expect(new Set(sms.map((m) => m._id)).size).toBe(sms.length);
      const ticket = await ledger.tickets.findById(input.ticketId).lean();
      expect(ticket).toMatchObject({
        status: 'closed',
        redLight: false,
        reminders: final.reminders,
      });
    }
  });
});
