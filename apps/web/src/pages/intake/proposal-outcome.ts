/** What the panels `处理建议` and `历史来电` show, from the proposal's answers. */
import type { Disposition, EarlierTicket, Proposal } from '../../api/types';
import type { ProposalAttempt } from './proposal-request';
import { isValidPhone } from './proposal-request';
import { type IntakeValues, showsComplaintFields } from './ticket-body';

export type Suggestion = Proposal['suggestions'][number];

export interface ProposalOutcome {
  /** The rules' disposition for this call; null while they cannot decide yet. */
  disposition: Disposition | null;
  answerRequired: boolean;
  /** The disposition was decided without the case number typed (it is not one yet). */
  caseIgnored: boolean;
  /** The caller's earlier tickets; null while the number is not complete. */
  earlierTickets: EarlierTicket[] | null;
  suggestions: Suggestion[];
  /** Why the rules could not use what was typed (the API's words). */
  problems: string[];
}

export const NO_OUTCOME: ProposalOutcome = {
  disposition: null,
  answerRequired: false,
  caseIgnored: false,
  earlierTickets: null,
  suggestions: [],
  problems: [],
};

/**
 * The outcome of the question first asked (`asked`) after the attempt that was answered
 * (`answered`, null when none was), with the problems the first answer named.
 */
export function outcomeOf(
  asked: ProposalAttempt,
  answered: { attempt: ProposalAttempt; proposal: Proposal } | null,
  problems: readonly { message: string }[],
): ProposalOutcome {
  const messages = [...new Set(problems.map((p) => p.message))];
  if (!answered) return { ...NO_OUTCOME, problems: messages };
  const { attempt, proposal } = answered;
  const decided = attempt.dispositionKnown;
  return {
    disposition: decided ? proposal.disposition : null,
    answerRequired: decided && proposal.answerRequired,
    caseIgnored: decided && asked.body.caseNumber !== null && attempt.body.caseNumber === null,
    earlierTickets: attempt.callerKnown ? openFirst(proposal.earlierTickets) : null,
    suggestions: attempt.callerKnown && decided ? proposal.suggestions : [],
    problems: messages,
  };
}

/** Open tickets first, then the latest first. */
export function openFirst(tickets: readonly EarlierTicket[]): EarlierTicket[] {
  const time = (t: EarlierTicket) => Date.parse(t.receivedAt ?? t.createdAt ?? '') || 0;
  return [...tickets].sort((a, b) => Number(b.open) - Number(a.open) || time(b) - time(a));
}

/** The labels of what the API will still ask for (Art. 2 and 3), in the form's order. */
export function missingLabels(
  values: IntakeValues,
  { answerRequired, overriding }: { answerRequired: boolean; overriding: boolean },
): string[] {
  const blank = (v: string | undefined) => !v?.trim();
  const missing: string[] = [];
  if (blank(values.caller?.name)) missing.push('来电人姓名');
  if (!isValidPhone(values.caller?.phone)) missing.push('来电号码');
  if (!values.type) missing.push('来电类型');
  else if (showsComplaintFields(values.type) && !values.complaint?.category)
    missing.push('投诉类别');
  if (blank(values.content)) missing.push('来电内容');
  if (answerRequired && blank(values.answer)) missing.push('答复内容');
  if (overriding && !values.override?.targetId) missing.push('改派对象');
  if (overriding && blank(values.override?.reason)) missing.push('改派理由');
  return missing;
}

/**
 * The API's explanation starts with its clause (`依据第四条第五项：…`), which the panel shows on
 * its own: the words after it, and whether the clause applies as written or by analogy.
 */
export function splitExplanation(explanation: string | null): {
  basis: '依据' | '参照';
  text: string | null;
} {
  const match = /^(依据|参照)第[一二三四五六七八九十]+条第[一二三四五六七八九十]+项[：:]\s*/.exec(
    explanation ?? '',
  );
  if (!match) return { basis: '依据', text: explanation || null };
  return { basis: match[1] as '依据' | '参照', text: explanation!.slice(match[0].length) || null };
}
