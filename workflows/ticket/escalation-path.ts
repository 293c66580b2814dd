import { condition, patched } from '@temporalio/workflow';
import type { EscalationLevel } from '../../libs/domain/src/disposition';
import { formatDuration } from '../../libs/domain/src/duration';
import type { EscalationResume } from './carried-run';
import { ESCALATION_TOP_REMINDERS } from './patches';
import { GROUP_RECIPIENTS } from './recipients';
import type { TicketRun } from './ticket-run';

/** Art. 4.8: notify each level at once, climb when not acknowledged in time. */
export async function escalationPath(run: TicketRun): Promise<void> {
  const { state, ledger, outbox, clock, policy } = run;
  const ladder = run.input.disposition.escalationLadder ?? [];
  if (ladder.length === 0) return;
  state.escalation = {
    level: 0,
    notified: [],
    acknowledgedBy: null,
    acknowledgedAt: null,
    note: null,
  };
  const acknowledged = () => state.escalation!.acknowledgedBy !== null;
  const escalatedAt = Date.now();
  for (const level of ladder) {
    state.escalation.level = level.level;
    state.escalation.notified.push(...level.people.map((p) => p.id));
    state.record(
      level.level === 1 ? 'escalated' : 'escalation_level_up',
      'system',
      `${level.label}：${level.people.map((p) => p.name).join('、')}`,
      Date.now(),
    );
    ledger.changed();
    outbox.notify(
      'escalation',
      [...level.people],
      `l${level.level}`,
      { level: level.level },
      { urgent: true },
    );
    const until = Date.parse(
      (
        await clock.addPolicyDuration(
          new Date(Date.now()).toISOString(),
          policy.escalationAckWithin,
        )
      ).at,
    );
    if (await clock.waitUntil(() => until, acknowledged, `等待第${level.level}级领导确认`)) return;
  }
  if (patched(ESCALATION_TOP_REMINDERS)) {
    await remindTopLevel(run, ladder[ladder.length - 1]!, escalatedAt);
  } else await condition(acknowledged);
}

/** A continued run's escalation (issue #17): done, or back in the top level's window it waited in. */
export async function resumedEscalationPath(
  run: TicketRun,
  resume: EscalationResume,
): Promise<void> {
  const ladder = run.input.disposition.escalationLadder ?? [];
  if (resume.at === 'done' || ladder.length === 0) return;
  await remindTopLevel(run, ladder[ladder.length - 1]!, resume.escalatedAt, resume);
}

/**
 * Art. 4.8 past the last level: re-notify it, and alert the supervisors, each window.
 * `resumed`: a continued run, back in the window of round `resumed.round` ending `resumed.until`.
 */
async function remindTopLevel(
  run: TicketRun,
  top: EscalationLevel,
  escalatedAt: number,
  resumed?: { round: number; until: number },
): Promise<void> {
  const { state, ledger, outbox, clock, policy } = run;
  const stop = () => state.escalation!.acknowledgedBy !== null || state.routeStatus === 'closed';
  const names = top.people.map((p) => p.name).join('、');
  let resumedUntil = resumed?.until ?? null;
  for (let round = resumed?.round ?? 1; ; round += 1) {
    const until =
      resumedUntil ??
      Date.parse(
        (
          await clock.addPolicyDuration(
            new Date(Date.now()).toISOString(),
            policy.escalationAckWithin,
          )
        ).at,
      );
    resumedUntil = null;
    const summary = `等待第${top.level}级领导确认（第${round}次再通知前）`;
    run.resume.escalation = { at: 'top-round', round, until, escalatedAt };
    const stopped = await clock.waitUntil(() => until, stop, summary);
    run.resume.escalation = null;
    if (stopped) return;
    state.record(
      'notified',
      'system',
      `${top.label}逾${formatDuration(policy.escalationAckWithin)}未确认，第${round}次再通知：${names}；已提示督办人员`,
      Date.now(),
    );
    ledger.changed();
    const occurrence = `l${top.level}-r${round}`;
    outbox.notify(
      'escalation',
      [...top.people],
      occurrence,
      { level: top.level },
      { urgent: true },
    );
    outbox.notify(
      'escalation_unacknowledged',
      [GROUP_RECIPIENTS.supervisors],
      occurrence,
      { level: top.level, unacknowledgedMs: Date.now() - escalatedAt },
      { sms: false },
    );
  }
}

/** Art. 4.7: the report goes to the vice president in charge (in-app and SMS). */
export function leadershipReport(run: TicketRun): void {
  const { state } = run;
  const report = state.routes.leadership_report;
  if (!report) return;
  state.record('leadership_reported', run.input.loggedBy, report.explanation, Date.now());
  run.ledger.changed();
  run.outbox.notify('leadership_report', [report.target], 'first');
}
