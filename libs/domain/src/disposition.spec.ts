import { DEMO_CASE_NUMBER, DEMO_DIRECTORY } from './demo-directory';
import { createDirectory } from './directory';
import { answerErrors, decideDisposition } from './disposition';
import type { DispositionProposal, RoutingInput } from './disposition-model';
import { proposeDisposition } from './disposition-proposal';
import type { FieldError, Result } from './result';

const directory = createDirectory(DEMO_DIRECTORY);
const CASE = DEMO_CASE_NUMBER;
const UNKNOWN_CASE = '(2026)豫0782民初999号';

function propose(input: RoutingInput): DispositionProposal {
  const r = proposeDisposition(input, directory);
  if (!r.ok) throw new Error(`expected a proposal, got ${JSON.stringify(r.errors)}`);
  return r.value;
}

function errorsOf(r: Result<unknown>): readonly FieldError[] {
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.value)}`);
  return r.errors;
}

interface Row {
  name: string;
  input: RoutingInput;
  action: string;
  rule: string;
  targetId: string | null;
  departmentId: string | null;
  explanation: string;
}

/** Every clause of Article 4 (4.1–4.6 by type; 4.7 and 4.8 below), against the demo directory. */
const typeRoutes: Row[] = [
  {
    name: '4.1 case inquiry → direct answer',
    input: { type: 'case_inquiry', caseNumber: CASE },
    action: 'direct_answer',
    rule: '4.1',
    targetId: null,
    departmentId: null,
    explanation: '依据第四条第一项：案件查询、诉讼咨询，由座席员直接答复',
  },
  {
    name: '4.1 litigation consultation → direct answer (no case number needed)',
    input: { type: 'litigation_consultation' },
    action: 'direct_answer',
    rule: '4.1',
    targetId: null,
    departmentId: null,
    explanation: '依据第四条第一项：案件查询、诉讼咨询，由座席员直接答复',
  },
  {
    name: '4.2 contact judge, first contact → direct answer with the judge’s contact',
    input: { type: 'contact_judge', caseNumber: CASE },
    action: 'direct_answer',
    rule: '4.2',
    targetId: null,
    departmentId: null,
    explanation:
      '依据第四条第二项：联系本院法官，直接答复，告知承办法官联系方式（承办法官李明，13903731001）',
  },
  {
    name: '4.2 could not reach the judge → transfer to the presiding judge',
    input: {
      type: 'contact_judge',
      caseNumber: '（2026）豫0782民初1号',
      flags: { couldNotReachJudge: true },
    },
    action: 'transfer',
    rule: '4.2',
    targetId: 'judge01',
    departmentId: 'civil',
    explanation: '依据第四条第二项：获知法官联系方式后因联系不上承办法官再次来电，转发至承办法官',
  },
  {
    name: '4.3 petition → head of the petition department',
    input: { type: 'petition' },
    action: 'transfer',
    rule: '4.3',
    targetId: 'head-petition',
    departmentId: 'petition',
    explanation: '依据第四条第三项：向本院信访申诉，转发信访部门负责人',
  },
  {
    name: '4.4 conduct, clues not specific → head of the judge’s department',
    input: {
      type: 'complaint',
      complaint: { category: 'conduct', specificClues: false },
      caseNumber: CASE,
    },
    action: 'transfer',
    rule: '4.4',
    targetId: 'head-civil',
    departmentId: 'civil',
    explanation:
      '依据第四条第四项：投诉法官作风不实、拖延办案、判决错误、不遵守回避规定或违法违纪、枉法裁判但线索不明确不具体，转发承办法官所在部门负责人',
  },
  {
    name: '4.4 discipline, clues not specific → head of the judge’s department',
    input: {
      type: 'complaint',
      complaint: { category: 'discipline', specificClues: false },
      caseNumber: CASE,
    },
    action: 'transfer',
    rule: '4.4',
    targetId: 'head-civil',
    departmentId: 'civil',
    explanation:
      '依据第四条第四项：投诉法官作风不实、拖延办案、判决错误、不遵守回避规定或违法违纪、枉法裁判但线索不明确不具体，转发承办法官所在部门负责人',
  },
  {
    name: '4.5 filing → head of the filing / litigation-service department',
    input: {
      type: 'complaint',
      complaint: { category: 'filing', specificClues: false },
      caseNumber: CASE,
    },
    action: 'transfer',
    rule: '4.5',
    targetId: 'head-filing',
    departmentId: 'filing',
    explanation: '依据第四条第五项：投诉立案问题，转立案诉讼服务部门负责人调查核实并书面报告',
  },
  {
    name: '4.5 filing, even with specific clues and no case number',
    input: { type: 'complaint', complaint: { category: 'filing', specificClues: true } },
    action: 'transfer',
    rule: '4.5',
    targetId: 'head-filing',
    departmentId: 'filing',
    explanation: '依据第四条第五项：投诉立案问题，转立案诉讼服务部门负责人调查核实并书面报告',
  },
  {
    name: '4.5 enforcement → enforcement-supervision department',
    input: { type: 'complaint', complaint: { category: 'enforcement', specificClues: false } },
    action: 'transfer',
    rule: '4.5',
    targetId: 'head-enforcement-supervision',
    departmentId: 'enforcement-supervision',
    explanation: '依据第四条第五项：投诉执行工作问题，转执行监督部门督办',
  },
  {
    name: '4.6 conduct with specific clues → violations-reporting centre',
    input: { type: 'complaint', complaint: { category: 'conduct', specificClues: true } },
    action: 'transfer',
    rule: '4.6',
    targetId: 'discipline-centre',
    departmentId: 'discipline-centre',
    explanation:
      '依据第四条第六项：投诉违反审判纪律、党纪法规且线索明确具体，转违法违纪举报中心处理',
  },
  {
    name: '4.6 discipline with specific clues → violations-reporting centre',
    input: {
      type: 'complaint',
      complaint: { category: 'discipline', specificClues: true },
      caseNumber: CASE,
    },
    action: 'transfer',
    rule: '4.6',
    targetId: 'discipline-centre',
    departmentId: 'discipline-centre',
    explanation:
      '依据第四条第六项：投诉违反审判纪律、党纪法规且线索明确具体，转违法违纪举报中心处理',
  },
  {
    name: 'other → direct answer by analogy with 4.1',
    input: { type: 'other' },
    action: 'direct_answer',
    rule: '4.1',
    targetId: null,
    departmentId: null,
    explanation: '参照第四条第一项：其他事项（第四条未作规定），由座席员直接答复',
  },
  {
    name: 'couldNotReachJudge only matters for contact_judge',
    input: { type: 'petition', flags: { couldNotReachJudge: true } },
    action: 'transfer',
    rule: '4.3',
    targetId: 'head-petition',
    departmentId: 'petition',
    explanation: '依据第四条第三项：向本院信访申诉，转发信访部门负责人',
  },
  {
    name: 'litigationRights does not change the route (it makes the callback a key callback)',
    input: { type: 'case_inquiry', flags: { litigationRights: true } },
    action: 'direct_answer',
    rule: '4.1',
    targetId: null,
    departmentId: null,
    explanation: '依据第四条第一项：案件查询、诉讼咨询，由座席员直接答复',
  },
];

describe('proposeDisposition: clauses 4.1–4.6 and other', () => {
  it.each(typeRoutes)('$name', ({ input, action, rule, targetId, departmentId, explanation }) => {
    const p = propose(input);
    expect(p.action).toBe(action);
    expect(p.rule).toBe(rule);
    expect(p.target?.id ?? null).toBe(targetId);
    expect(p.departmentId).toBe(departmentId);
    expect(p.explanation).toBe(explanation);
    expect(p.alsoRoutes).toEqual([]);
    expect(p.escalationLadder).toBeNull();
  });

  it('gives the target as { id, name, role } (API.md)', () => {
    const p = propose({
      type: 'complaint',
      complaint: { category: 'filing', specificClues: false },
    });
    expect(p.target).toEqual({ id: 'head-filing', name: '吴立新', role: 'handler' });
  });

  it('4.2 first contact carries the judge’s contact', () => {
    expect(propose({ type: 'contact_judge', caseNumber: CASE }).judgeContact).toEqual({
      id: 'judge01',
      name: '李明',
      phone: '13903731001',
    });
  });

  it('marks other as applied by analogy', () => {
    expect(propose({ type: 'other' }).byAnalogy).toBe(true);
    expect(propose({ type: 'case_inquiry' }).byAnalogy).toBe(false);
  });
});

describe('proposeDisposition: a target that cannot be determined is an error, not a guess', () => {
  it.each([
    [
      '4.2 could not reach, no case number',
      { type: 'contact_judge', flags: { couldNotReachJudge: true } },
      '请填写案号，以确定承办法官（依据第四条第二项须转发至承办法官）',
    ],
    [
      '4.2 first contact, no case number',
      { type: 'contact_judge' },
      '请填写案号，以确定承办法官（依据第四条第二项须告知承办法官联系方式）',
    ],
    [
      '4.4 conduct, no case number',
      { type: 'complaint', complaint: { category: 'conduct', specificClues: false } },
      '请填写案号，以确定承办法官（依据第四条第四项须转发承办法官所在部门负责人）',
    ],
    [
      '4.4 discipline, unknown case number',
      {
        type: 'complaint',
        complaint: { category: 'discipline', specificClues: false },
        caseNumber: UNKNOWN_CASE,
      },
      `未找到案号 ${UNKNOWN_CASE} 的承办法官，请核对案号（依据第四条第四项须转发承办法官所在部门负责人）`,
    ],
    [
      '4.2 could not reach, unknown case number',
      { type: 'contact_judge', caseNumber: UNKNOWN_CASE, flags: { couldNotReachJudge: true } },
      `未找到案号 ${UNKNOWN_CASE} 的承办法官，请核对案号（依据第四条第二项须转发至承办法官）`,
    ],
  ] as [string, RoutingInput, string][])('%s', (_name, input, message) => {
    expect(errorsOf(proposeDisposition(input, directory))).toEqual([
      { field: 'caseNumber', message },
    ]);
  });

  it('a complaint without its category', () => {
    expect(errorsOf(proposeDisposition({ type: 'complaint', complaint: null }, directory))).toEqual(
      [{ field: 'complaint', message: '投诉举报类工单须填写投诉类别（complaint.category）' }],
    );
  });

  it('an urgent ticket whose own route lacks its case number is still an error', () => {
    expect(
      errorsOf(
        proposeDisposition(
          { type: 'contact_judge', flags: { urgent: true, couldNotReachJudge: true } },
          directory,
        ),
      ).map((e) => e.field),
    ).toEqual(['caseNumber']);
  });

  it('follows whichever department the directory names as special', () => {
    const petitionToCivil = createDirectory({
      ...DEMO_DIRECTORY,
      special: { ...DEMO_DIRECTORY.special, petition: 'civil' },
    });
    const r = proposeDisposition({ type: 'petition' }, petitionToCivil);
    expect(r.ok && [r.value.target?.id, r.value.departmentId]).toEqual(['head-civil', 'civil']);
  });

  it('a directory that lacks the special department', () => {
    const broken = {
      ...directory,
      special: () => ({ ...directory.special(), petition: 'nowhere' }),
    };
    expect(errorsOf(proposeDisposition({ type: 'petition' }, broken))).toEqual([
      { field: 'type', message: '通讯录中未设置信访部门' },
    ]);
  });
});

describe('4.8 and 4.7 take precedence and keep the type’s own route', () => {
  it('an urgent complaint is escalated AND transferred', () => {
    const p = propose({
      type: 'complaint',
      complaint: { category: 'filing', specificClues: false },
      caseNumber: CASE,
      flags: { urgent: true },
    });
    expect(p.action).toBe('escalation');
    expect(p.rule).toBe('4.8');
    expect(p.target).toEqual({ id: 'vice-chief-civil', name: '赵红梅', role: 'leader' });
    expect(p.departmentId).toBe('civil');
    expect(p.escalationLadder).toEqual([
      {
        level: 1,
        label: '民事审判庭主管副庭长、庭长',
        people: [
          { id: 'vice-chief-civil', name: '赵红梅', role: 'leader' },
          { id: 'chief-civil', name: '孙志强', role: 'leader' },
        ],
      },
      {
        level: 2,
        label: '主管副院长、院长',
        people: [
          { id: 'vice-president', name: '陈国华', role: 'leader' },
          { id: 'president', name: '刘正义', role: 'leader' },
        ],
      },
    ]);
    expect(p.alsoRoutes.map((r) => [r.action, r.rule, r.target?.id])).toEqual([
      ['transfer', '4.5', 'head-filing'],
    ]);
    expect(p.explanation).toBe(
      '依据第四条第八项：来电人有过激言行或反映问题情况紧急，立即层报主管副庭长、庭长，必要时层报主管副院长和院长；' +
        '同时依据第四条第五项：投诉立案问题，转立案诉讼服务部门负责人调查核实并书面报告',
    );
  });

  it('urgent without a case: the ladder starts in the department the ticket goes to', () => {
    const p = propose({ type: 'petition', flags: { urgent: true } });
    expect(p.escalationLadder?.map((l) => [l.label, l.people.map((x) => x.id)])).toEqual([
      ['信访办公室负责人', ['head-petition']],
      ['主管副院长、院长', ['vice-president', 'president']],
    ]);
    expect(p.target?.id).toBe('head-petition');
    expect(p.alsoRoutes.map((r) => r.rule)).toEqual(['4.3']);
  });

  it('urgent direct-answer ticket without a case: the platform’s own department', () => {
    const p = propose({ type: 'case_inquiry', flags: { urgent: true } });
    expect(p.departmentId).toBe('filing');
    expect(p.escalationLadder?.map((l) => l.people.map((x) => x.id))).toEqual([
      ['head-filing'],
      ['vice-president', 'president'],
    ]);
    expect(p.alsoRoutes.map((r) => [r.action, r.rule])).toEqual([['direct_answer', '4.1']]);
  });

  it('urgent with an unknown case number still escalates (falls back to the route’s department)', () => {
    const p = propose({ type: 'petition', caseNumber: UNKNOWN_CASE, flags: { urgent: true } });
    expect(p.escalationLadder?.[0].people.map((x) => x.id)).toEqual(['head-petition']);
  });

  it('4.7 abusive caller → report to court leadership, and answer the inquiry', () => {
    const p = propose({ type: 'case_inquiry', flags: { abusive: true } });
    expect(p.action).toBe('leadership_report');
    expect(p.rule).toBe('4.7');
    expect(p.target).toEqual({ id: 'vice-president', name: '陈国华', role: 'leader' });
    expect(p.escalationLadder).toBeNull();
    expect(p.alsoRoutes.map((r) => [r.action, r.rule])).toEqual([['direct_answer', '4.1']]);
    expect(p.explanation).toBe(
      '依据第四条第七项：来电人辱骂法官或座席员、拨打骚扰电话，将录音整理成书面材料层报院领导处理；' +
        '同时依据第四条第一项：案件查询、诉讼咨询，由座席员直接答复',
    );
  });

  it('urgent and abusive: 4.8 first, then 4.7, then the type route', () => {
    const p = propose({
      type: 'complaint',
      complaint: { category: 'conduct', specificClues: false },
      caseNumber: CASE,
      flags: { urgent: true, abusive: true },
    });
    expect([p.rule, ...p.alsoRoutes.map((r) => r.rule)]).toEqual(['4.8', '4.7', '4.4']);
    expect(p.alsoRoutes.map((r) => r.target?.id)).toEqual(['vice-president', 'head-civil']);
  });
});

describe('decideDisposition: the agent’s override', () => {
  const base: RoutingInput = {
    type: 'complaint',
    complaint: { category: 'filing', specificClues: false },
    caseNumber: CASE,
  };

  it('without override, the proposal', () => {
    const r = decideDisposition(base, directory);
    expect(r.ok && [r.value.action, r.value.rule, r.value.target?.id, r.value.overridden]).toEqual([
      'transfer',
      '4.5',
      'head-filing',
      false,
    ]);
  });

  it('records the override with its reason and the original proposal', () => {
    const r = decideDisposition(
      {
        ...base,
        override: { action: 'transfer', targetId: 'head-civil', reason: '实为民事审判庭拖延' },
      },
      directory,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.value;
    expect(d.overridden).toBe(true);
    expect(d.overrideReason).toBe('实为民事审判庭拖延');
    expect(d.action).toBe('transfer');
    expect(d.rule).toBe('4.5');
    expect(d.target).toEqual({ id: 'head-civil', name: '张建国', role: 'handler' });
    expect(d.departmentId).toBe('civil');
    expect(d.originalProposal?.target?.id).toBe('head-filing');
    expect(d.originalProposal?.rule).toBe('4.5');
    expect(d.explanation).toBe(
      '座席员改变系统建议的处理方式，理由：实为民事审判庭拖延' +
        '（系统建议：依据第四条第五项：投诉立案问题，转立案诉讼服务部门负责人调查核实并书面报告）',
    );
  });

  it('needs a reason', () => {
    expect(
      errorsOf(
        decideDisposition(
          { ...base, override: { action: 'transfer', targetId: 'head-civil', reason: ' ' } },
          directory,
        ),
      ),
    ).toEqual([{ field: 'override.reason', message: '改变系统建议的处理方式须说明理由' }]);
  });

  it('needs a known target for a transfer', () => {
    expect(
      errorsOf(
        decideDisposition(
          { ...base, override: { action: 'transfer', targetId: 'nobody', reason: '因为' } },
          directory,
        ),
      ),
    ).toEqual([{ field: 'override.targetId', message: '通讯录中未找到承办人：nobody' }]);
    expect(
      errorsOf(
        decideDisposition(
          { ...base, override: { action: 'escalation', targetId: null, reason: '因为' } },
          directory,
        ),
      ),
    ).toEqual([
      { field: 'override.targetId', message: '转办或层报须指定承办人（override.targetId）' },
    ]);
  });

  it('can resolve a ticket the rules could not route (4.4 without a case number)', () => {
    const r = decideDisposition(
      {
        type: 'complaint',
        complaint: { category: 'conduct', specificClues: false },
        override: {
          action: 'transfer',
          targetId: 'head-civil',
          reason: '来电人称系民事审判庭法官，未提供案号',
        },
      },
      directory,
    );
    expect(r.ok && [r.value.rule, r.value.target?.id, r.value.originalProposal]).toEqual([
      '4.4',
      'head-civil',
      null,
    ]);
  });

  it('an escalation override gets its own ladder', () => {
    const r = decideDisposition(
      {
        ...base,
        override: { action: 'escalation', targetId: 'chief-civil', reason: '来电人情绪激动' },
      },
      directory,
    );
    expect(r.ok && r.value.rule).toBe('4.8');
    expect(r.ok && r.value.escalationLadder?.map((l) => l.people.map((p) => p.id))).toEqual([
      ['chief-civil'],
      ['vice-president', 'president'],
    ]);
  });

  it('a direct-answer override may name no target', () => {
    const r = decideDisposition(
      {
        ...base,
        override: { action: 'direct_answer', targetId: null, reason: '来电人仅咨询立案流程' },
      },
      directory,
    );
    expect(r.ok && [r.value.action, r.value.rule, r.value.target, r.value.departmentId]).toEqual([
      'direct_answer',
      '4.5',
      null,
      null,
    ]);
  });

  it('a leadership report override cites 4.7', () => {
    const r = decideDisposition(
      {
        type: 'case_inquiry',
        override: { action: 'leadership_report', targetId: 'president', reason: '多次骚扰' },
      },
      directory,
    );
    expect(r.ok && [r.value.rule, r.value.target?.id]).toEqual(['4.7', 'president']);
  });
});

describe('answerErrors', () => {
  it('requires the answer for a direct answer only', () => {
    expect(answerErrors({ answer: null }, { action: 'direct_answer' })).toEqual([
      { field: 'answer', message: '直接答复的工单须填写答复内容' },
    ]);
    expect(answerErrors({ answer: '  ' }, { action: 'direct_answer' })).toHaveLength(1);
    expect(answerErrors({ answer: '已告知' }, { action: 'direct_answer' })).toEqual([]);
    expect(answerErrors({ answer: null }, { action: 'transfer' })).toEqual([]);
  });
});
