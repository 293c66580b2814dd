/** The vocabulary of dispositions (处理方式) and of the clauses of Article 4. */

import type { Role } from './directory';

export const DISPOSITION_ACTIONS = [
  'direct_answer',
  'transfer',
  'leadership_report',
  'escalation',
] as const;
export type DispositionAction = (typeof DISPOSITION_ACTIONS)[number];
export const DISPOSITION_ACTION_LABELS: Readonly<Record<DispositionAction, string>> = {
  direct_answer: '直接答复',
  transfer: '转办',
  leadership_report: '层报院领导',
  escalation: '立即层报',
};

/** The clauses (项) of Article 4. */
export const RULES = ['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7', '4.8'] as const;
export type Rule = (typeof RULES)[number];

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'] as const;

/** `4.5` → `第四条第五项`. */
export function ruleName(rule: Rule): string {
  return `第四条第${CHINESE_NUMERALS[Number(rule.slice(2)) - 1]}项`;
}

/** Who a disposition goes to, as API.md shows it. */
export interface DispositionTarget {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}
