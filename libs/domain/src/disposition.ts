/**
 * The disposition a ticket carries: the Article 4 proposal (`disposition-proposal.ts`), or the
 * agent's override of it; and the answer a direct answer needs.
 */

import type { Directory, Person } from './directory';
import { people, targetOf } from './directory-targets';
import type { Disposition, EscalationLevel, Route, RoutingInput } from './disposition-model';
import { clauseForType, proposeDisposition } from './disposition-proposal';
import type { Rule } from './disposition-types';
import { type FieldError, fail, ok, type Result } from './result';
import type { CreateTicketInput, DispositionOverride } from './ticket';

// The workflows import these types from this path (relative, replay-sensitive).
export type { Disposition, EscalationLevel, Route } from './disposition-model';

/**
 * The disposition a ticket carries: the proposal, or, when the agent overrides, the agent's
 * choice with the reason and the original proposal recorded. An override needs a non-empty
 * reason and a target in the directory (a direct answer may name none).
 */
export function decideDisposition(
  input: RoutingInput & { readonly override?: DispositionOverride | null },
  directory: Directory,
): Result<Disposition> {
  const proposal = proposeDisposition(input, directory);
  const override = input.override;
  if (!override) {
    if (!proposal.ok) return proposal;
    return ok({
      ...proposal.value,
      overridden: false,
      overrideReason: null,
      originalProposal: null,
    });
  }

  const errors: FieldError[] = [];
  const reason = typeof override.reason === 'string' ? override.reason.trim() : '';
  if (reason === '')
    errors.push({ field: 'override.reason', message: '改变系统建议的处理方式须说明理由' });
  let person: Person | undefined;
  if (override.targetId) {
    person = directory.person(override.targetId);
    if (!person)
      errors.push({
        field: 'override.targetId',
        message: `通讯录中未找到承办人：${override.targetId}`,
      });
  } else if (override.action !== 'direct_answer') {
    errors.push({
      field: 'override.targetId',
      message: '转办或层报须指定承办人（override.targetId）',
    });
  }
  if (errors.length > 0) return fail(errors);

  const rule: Rule =
    override.action === 'escalation'
      ? '4.8'
      : override.action === 'leadership_report'
        ? '4.7'
        : proposal.ok
          ? proposal.value.rule
          : clauseForType(input);
  const target = person ? targetOf(person) : null;
  let ladder: EscalationLevel[] | null = null;
  if (override.action === 'escalation' && person) {
    const seen = new Set<string>([person.id]);
    const department = person.departmentId ? directory.department(person.departmentId) : undefined;
    const second = people(
      directory,
      [department?.vicePresidentId ?? null, directory.court().presidentId],
      seen,
    );
    ladder = [{ level: 1, label: `${person.name}（座席员指定）`, people: [targetOf(person)] }];
    if (second.length > 0) ladder.push({ level: 2, label: '主管副院长、院长', people: second });
  }
  const original = proposal.ok ? proposal.value : null;
  return ok({
    action: override.action,
    rule,
    rowId: 'override',
    byAnalogy: false,
    target,
    departmentId: person?.departmentId ?? null,
    explanation: `座席员改变系统建议的处理方式，理由：${reason}${original ? `（系统建议：${original.explanation}）` : ''}`,
    alsoRoutes: [],
    escalationLadder: ladder,
    overridden: true,
    overrideReason: reason,
    originalProposal: original,
  });
}

/** `answer` is required when the disposition is a direct answer (API.md). */
export function answerErrors(
  input: Pick<CreateTicketInput, 'answer'>,
  disposition: Pick<Route, 'action'>,
): FieldError[] {
  if (disposition.action === 'direct_answer' && !input.answer?.trim()) {
    return [{ field: 'answer', message: '直接答复的工单须填写答复内容' }];
  }
  return [];
}
