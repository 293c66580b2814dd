/**
 * Renders the Article 4 rule table (rule-table.ts) as the Markdown block of docs/rule-table.md,
 * between `<!-- rule-table:start -->` and `<!-- rule-table:end -->`. Pure: the caller reads
 * and writes the file (`replaceRuleTableBlock(readme)`); a spec test checks docs/rule-table.md.
 */

import { DISPOSITION_ACTION_LABELS, ruleName } from './disposition-types';
import { RULE_TABLE, type RuleCondition, type RuleRow } from './rule-table';
import { type FlagName, TICKET_TYPE_LABELS } from './ticket';

export const RULE_TABLE_START = '<!-- rule-table:start -->';
export const RULE_TABLE_END = '<!-- rule-table:end -->';

const CATEGORY_SHORT = {
  conduct: '作风等问题（conduct）',
  filing: '立案问题（filing）',
  enforcement: '执行问题（enforcement）',
  discipline: '违法违纪问题（discipline）',
} as const;

const FLAG_SHORT: Record<FlagName, string> = {
  urgent: '过激言行或情况紧急',
  abusive: '辱骂或骚扰',
  litigationRights: '涉及诉权',
  couldNotReachJudge: '联系不上承办法官再次来电',
};

/** The condition of a row in words, generated from the data the engine checks. */
export function describeCondition(when: RuleCondition): string {
  const parts: string[] = [];
  if (when.types) {
    parts.push(`类型为${when.types.map((t) => `${TICKET_TYPE_LABELS[t]}（${t}）`).join('或')}`);
  }
  if (when.categories)
    parts.push(`投诉类别为${when.categories.map((c) => CATEGORY_SHORT[c]).join('或')}`);
  if (when.specificClues !== undefined) {
    parts.push(when.specificClues ? '线索明确具体' : '线索不明确不具体');
  }
  for (const [name, value] of Object.entries(when.flags ?? {})) {
    parts.push(`${value ? '标记' : '未标记'}“${FLAG_SHORT[name as FlagName]}”（flags.${name}）`);
  }
  return parts.join('，');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function clauseCell(row: RuleRow): string {
  const name = `${row.byAnalogy ? '参照' : ''}${ruleName(row.rule)}（${row.rule}）`;
  return row.precedence ? `${name}，优先` : name;
}

function conditionCell(row: RuleRow): string {
  const condition = describeCondition(row.when);
  return row.precedence ? `${condition}；同时按工单类型处理` : condition;
}

/** The rule table as a Markdown table. */
export function renderRuleTableMarkdown(rows: readonly RuleRow[] = RULE_TABLE): string {
  const header = ['条款', '情形（系统判断条件）', '处理方式', '对象', '规定原文'];
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) {
    const cells = [
      clauseCell(row),
      conditionCell(row),
      `${DISPOSITION_ACTION_LABELS[row.action]}（${row.action}）：${row.handling}`,
      row.targetDescription,
      row.regulation,
    ];
    lines.push(`| ${cells.map(cell).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The whole README block between the markers (markers excluded). */
export function renderRuleTableBlock(rows: readonly RuleRow[] = RULE_TABLE): string {
  return [
    '',
    '<!-- 由 libs/domain/src/rule-table.ts 生成（renderRuleTableBlock），请勿手工修改 -->',
    '',
    renderRuleTableMarkdown(rows),
    '',
    '第四条第八项、第七项优先适用，并保留工单类型本身的处理（如紧急的投诉既层报又转办）。' +
      '转办对象依通讯录确定；需要承办法官而未填写或查不到案号的，系统提示补充案号，不作猜测。' +
      '座席员可改变系统建议的处理方式，但须说明理由，理由与原建议一并记录。',
    '',
  ].join('\n');
}

/** The README text with its rule-table block replaced by the rendered table. */
export function replaceRuleTableBlock(
  readme: string,
  rows: readonly RuleRow[] = RULE_TABLE,
): string {
  const start = readme.indexOf(RULE_TABLE_START);
  const end = readme.indexOf(RULE_TABLE_END);
  if (start < 0 || end < start) {
    throw new Error(`README 中缺少 ${RULE_TABLE_START} … ${RULE_TABLE_END} 标记`);
  }
  return (
    readme.slice(0, start + RULE_TABLE_START.length) +
    renderRuleTableBlock(rows) +
    readme.slice(end)
  );
}

/** The text between the markers of a README, or null when the markers are missing. */
export function extractRuleTableBlock(readme: string): string | null {
  const start = readme.indexOf(RULE_TABLE_START);
  const end = readme.indexOf(RULE_TABLE_END);
  if (start < 0 || end < start) return null;
  return readme.slice(start + RULE_TABLE_START.length, end);
}

/**
 * A Markdown block with table padding removed: cells trimmed and separator cells reduced to
 * `---`, so that a Markdown formatter aligning the README's table does not count as a change.
 */
export function normalizeMarkdownBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const t = line.trim();
      if (!t.startsWith('|')) return t;
      const inner = t.endsWith('|') && !t.endsWith('\\|') ? t.slice(1, -1) : t.slice(1);
      const cells = inner
        .split(/(?<!\\)\|/)
        .map((c) => c.trim())
        .map((c) => (/^:?-{3,}:?$/.test(c) ? '---' : c));
      return `| ${cells.join(' | ')} |`;
    })
    .join('\n')
    .trim();
}

/** Does the README's block show the table the code renders (padding aside)? */
export function readmeRuleTableIsCurrent(
  readme: string,
  rows: readonly RuleRow[] = RULE_TABLE,
): boolean {
  const block = extractRuleTableBlock(readme);
  return (
    block !== null &&
    normalizeMarkdownBlock(block) === normalizeMarkdownBlock(renderRuleTableBlock(rows))
  );
}
