import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { precedenceRows, typeRow } from './disposition-proposal';
import { RULES } from './disposition-types';
import {
  describeCondition,
  extractRuleTableBlock,
  normalizeMarkdownBlock,
  RULE_TABLE_END,
  RULE_TABLE_START,
  readmeRuleTableIsCurrent,
  renderRuleTableBlock,
  renderRuleTableMarkdown,
  replaceRuleTableBlock,
} from './render-rule-table';
import { matchesCondition, RULE_TABLE } from './rule-table';
import { COMPLAINT_CATEGORIES, FLAG_NAMES, TICKET_TYPES, type TicketFlags } from './ticket';

const RULE_TABLE_DOC = join(__dirname, '..', '..', '..', 'docs', 'rule-table.md');

describe('docs/rule-table.md shows the rule table generated from the code', () => {
  it('the block between the markers equals the rendered table (cell padding aside)', () => {
    const readme = readFileSync(RULE_TABLE_DOC, 'utf8');
    const block = extractRuleTableBlock(readme);
    expect(block).not.toBeNull();
    expect(normalizeMarkdownBlock(block!)).toBe(normalizeMarkdownBlock(renderRuleTableBlock()));
    expect(readmeRuleTableIsCurrent(readme)).toBe(true);
  });

  it('padding is ignored, content is not', () => {
    const rendered = renderRuleTableBlock();
    const padded = rendered
      .split('\n')
      .map((l) => (l.startsWith('|') ? l.replace(/ \| /g, '   |   ').replace(/---/g, '------') : l))
      .join('\n');
    expect(padded).not.toBe(rendered);
    expect(normalizeMarkdownBlock(padded)).toBe(normalizeMarkdownBlock(rendered));
    const readme = (block: string) => `${RULE_TABLE_START}${block}${RULE_TABLE_END}`;
    expect(readmeRuleTableIsCurrent(readme(padded))).toBe(true);
    expect(
      readmeRuleTableIsCurrent(readme(rendered.replace('转发信访部门负责人', '转发信访部门'))),
    ).toBe(false);
    expect(readmeRuleTableIsCurrent(readme(rendered.split('\n').slice(0, -3).join('\n')))).toBe(
      false,
    );
    expect(readmeRuleTableIsCurrent('no markers')).toBe(false);
  });
});

describe('rendering', () => {
  it('renders one Markdown row per rule row, with a header', () => {
    const lines = renderRuleTableMarkdown().split('\n');
    expect(lines[0]).toBe('| 条款 | 情形（系统判断条件） | 处理方式 | 对象 | 规定原文 |');
    expect(lines[1]).toBe('| --- | --- | --- | --- | --- |');
    expect(lines).toHaveLength(RULE_TABLE.length + 2);
    expect(
      lines.find((l) =>
        l.startsWith('| 第四条第五项（4.5） | 类型为投诉举报（complaint），投诉类别为立案问题'),
      ),
    ).toBe(
      '| 第四条第五项（4.5） | 类型为投诉举报（complaint），投诉类别为立案问题（filing） | 转办（transfer）：转立案诉讼服务部门负责人调查核实并书面报告 | 立案诉讼服务部门负责人 | 投诉举报法官违反立案工作规定要求，不立案、拖延立案、态度恶劣的，转立案诉讼服务部门负责人调查核实并书面报告情况。 |',
    );
    expect(lines[2]).toBe(
      '| 第四条第八项（4.8），优先 | 标记“过激言行或情况紧急”（flags.urgent）；同时按工单类型处理 | 立即层报（escalation）：立即层报主管副庭长、庭长，必要时层报主管副院长和院长 | 第一级：主管副庭长、庭长（案件承办部门，无案号时为转办部门或诉讼服务部门）；未确认时第二级：主管副院长、院长 | 来电人有过激言行，或者反映问题情况紧急的，立即层报主管副庭长、庭长，必要时层报主管副院长和院长。 |',
    );
  });

  it('escapes pipes in cells', () => {
    const row = { ...RULE_TABLE[0], regulation: 'a|b' };
    expect(renderRuleTableMarkdown([row]).split('\n')[2]).toContain('a\\|b');
  });

  it('describes conditions from the data', () => {
    expect(
      describeCondition({
        types: ['complaint'],
        categories: ['conduct', 'discipline'],
        specificClues: false,
      }),
    ).toBe(
      '类型为投诉举报（complaint），投诉类别为作风等问题（conduct）或违法违纪问题（discipline），线索不明确不具体',
    );
    expect(
      describeCondition({ types: ['contact_judge'], flags: { couldNotReachJudge: false } }),
    ).toBe(
      '类型为联系法官（contact_judge），未标记“联系不上承办法官再次来电”（flags.couldNotReachJudge）',
    );
  });

  it('replaces the block in a README and leaves the rest alone', () => {
    const readme = `# T\n\nbefore\n${RULE_TABLE_START}\nold\n${RULE_TABLE_END}\nafter\n`;
    const out = replaceRuleTableBlock(readme);
    expect(out.startsWith(`# T\n\nbefore\n${RULE_TABLE_START}`)).toBe(true);
    expect(out.endsWith(`${RULE_TABLE_END}\nafter\n`)).toBe(true);
    expect(extractRuleTableBlock(out)).toBe(renderRuleTableBlock());
    expect(replaceRuleTableBlock(out)).toBe(out);
    expect(() => replaceRuleTableBlock('# no markers')).toThrow('rule-table:start');
  });
});

describe('the table covers Article 4', () => {
  it('has every clause 4.1–4.8', () => {
    expect([...new Set(RULE_TABLE.map((r) => r.rule))].sort()).toEqual([...RULES]);
  });

  it('has unique row ids', () => {
    expect(new Set(RULE_TABLE.map((r) => r.id)).size).toBe(RULE_TABLE.length);
  });

  // The regulation lives in shared/ beside the repository (not in every checkout).
  const zhPath = join(__dirname, '..', '..', '..', '..', 'shared', 'spec', '12368-rules.zh.md');
  (existsSync(zhPath) ? it : it.skip)('quotes the regulation word for word', () => {
    const zh = readFileSync(zhPath, 'utf8');
    for (const row of RULE_TABLE.filter((r) => !r.byAnalogy)) {
      // every quotation is the regulation's own words (without the final full stop)
      expect(zh).toContain(row.regulation.replace(/。$/, ''));
    }
  });

  it('only 4.7 and 4.8 take precedence', () => {
    expect(RULE_TABLE.filter((r) => r.precedence).map((r) => r.rule)).toEqual(['4.8', '4.7']);
  });

  it('exactly one type row matches every possible ticket', () => {
    const flagSets: TicketFlags[] = [];
    for (let mask = 0; mask < 1 << FLAG_NAMES.length; mask++) {
      flagSets.push(
        Object.fromEntries(
          FLAG_NAMES.map((f, i) => [f, Boolean(mask & (1 << i))]),
        ) as unknown as TicketFlags,
      );
    }
    let checked = 0;
    for (const type of TICKET_TYPES) {
      const complaints =
        type === 'complaint'
          ? COMPLAINT_CATEGORIES.flatMap((category) =>
              [false, true].map((specificClues) => ({ category, specificClues })),
            )
          : [null];
      for (const complaint of complaints) {
        for (const flags of flagSets) {
          const input = { type, complaint, flags };
          const matching = RULE_TABLE.filter(
            (row) => !row.precedence && matchesCondition(row.when, input),
          );
          expect(matching).toHaveLength(1);
          expect(typeRow(input)).toBe(matching[0]);
          expect(precedenceRows(input).map((r) => r.rule)).toEqual([
            ...(flags.urgent ? ['4.8'] : []),
            ...(flags.abusive ? ['4.7'] : []),
          ]);
          checked++;
        }
      }
    }
    expect(checked).toBe((5 + 8) * 16);
  });
});
