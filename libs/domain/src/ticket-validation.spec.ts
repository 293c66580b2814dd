import { parseCreateTicket, validateCreateTicket } from './ticket-validation';

/** The example body of API.md. */
const apiExample = {
  channel: 'phone',
  caller: { name: '张三', phone: '13800138000' },
  type: 'complaint',
  complaint: { category: 'filing', specificClues: false },
  caseNumber: '(2026)豫0782民初1号',
  content: '反映立案庭拖延立案',
  answer: null,
  flags: { urgent: false, abusive: false, litigationRights: true, couldNotReachJudge: false },
  ringAt: '2026-11-28T09:00:00+08:00',
  answeredAt: '2026-11-28T09:00:06+08:00',
  override: null,
};

const minimal = {
  caller: { name: '张三', phone: '13800138000' },
  type: 'case_inquiry',
  content: '查询案件进度',
};

function fields(body: unknown): string[] {
  return validateCreateTicket(body).map((e) => e.field);
}

describe('parseCreateTicket', () => {
  it('accepts the example of API.md and normalises it', () => {
    expect(parseCreateTicket(apiExample)).toEqual({
      ok: true,
      value: {
        channel: 'phone',
        caller: { name: '张三', phone: '13800138000' },
        type: 'complaint',
        complaint: { category: 'filing', specificClues: false },
        caseNumber: '(2026)豫0782民初1号',
        content: '反映立案庭拖延立案',
        answer: null,
        flags: { urgent: false, abusive: false, litigationRights: true, couldNotReachJudge: false },
        ringAt: '2026-11-28T09:00:00+08:00',
        answeredAt: '2026-11-28T09:00:06+08:00',
        override: null,
        voicemailId: null,
      },
    });
  });

  it('normalises phone and case number, trims text, defaults channel and flags', () => {
    const r = parseCreateTicket({
      caller: { name: '  李四 ', phone: '+86 139-0373-1001' },
      type: 'contact_judge',
      caseNumber: '（2026）豫0782民初1号',
      content: ' 想联系承办法官 ',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.channel).toBe('phone');
    expect(r.value.caller).toEqual({ name: '李四', phone: '13903731001' });
    expect(r.value.caseNumber).toBe('(2026)豫0782民初1号');
    expect(r.value.content).toBe('想联系承办法官');
    expect(r.value.flags).toEqual({
      urgent: false,
      abusive: false,
      litigationRights: false,
      couldNotReachJudge: false,
    });
    expect(r.value.complaint).toBeNull();
  });

  it('normalises a landline caller', () => {
    const r = parseCreateTicket({ ...minimal, caller: { name: '王五', phone: '(0373)6261201' } });
    expect(r.ok && r.value.caller.phone).toBe('0373-6261201');
  });

  it('Article 2: name, phone and content are all required, reported together', () => {
    expect(validateCreateTicket({ type: 'case_inquiry' })).toEqual([
      { field: 'caller.name', message: '来电人姓名不能为空（第二条：每电必登）' },
      { field: 'caller.phone', message: '联系电话不能为空（第二条：每电必登）' },
      { field: 'content', message: '反映事项的主要内容不能为空（第二条：每电必登）' },
    ]);
  });

  it('whitespace-only counts as missing', () => {
    expect(fields({ ...minimal, caller: { name: '   ', phone: ' ' }, content: '\n' })).toEqual([
      'caller.name',
      'caller.phone',
      'content',
    ]);
  });

  it('rejects a bad phone with the accepted forms', () => {
    const errors = validateCreateTicket({ ...minimal, caller: { name: '张三', phone: '12345' } });
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe('caller.phone');
    expect(errors[0].message).toContain('13800138000');
    expect(errors[0].message).toContain('0371-63211234');
  });

  it.each([
    [{ ...minimal, type: undefined }, ['type']],
    [{ ...minimal, type: 'question' }, ['type']],
    [{ ...minimal, channel: 'email' }, ['channel']],
    [{ ...minimal, type: 'complaint' }, ['complaint']],
    [{ ...minimal, type: 'complaint', complaint: { category: 'food' } }, ['complaint.category']],
    [
      { ...minimal, type: 'complaint', complaint: { category: 'conduct', specificClues: 'yes' } },
      ['complaint.specificClues'],
    ],
    [{ ...minimal, complaint: { category: 'filing', specificClues: false } }, ['complaint']],
    [{ ...minimal, caseNumber: '民初1号' }, ['caseNumber']],
    [{ ...minimal, flags: { urgent: 'true' } }, ['flags.urgent']],
    [{ ...minimal, flags: [] }, ['flags']],
    [{ ...minimal, ringAt: '2026-11-28 09:00:00' }, ['ringAt']],
    [
      { ...minimal, ringAt: '2026-11-28T09:00:10+08:00', answeredAt: '2026-11-28T09:00:00+08:00' },
      ['answeredAt'],
    ],
    [{ ...minimal, content: '字'.repeat(2001) }, ['content']],
    [{ ...minimal, caller: { name: '名'.repeat(51), phone: '13800138000' } }, ['caller.name']],
    [{ ...minimal, answer: 42 }, ['answer']],
    [{ ...minimal, voicemailId: 'VM1' }, ['voicemailId']],
    [{ ...minimal, caller: 'Zhang' }, ['caller', 'caller.name', 'caller.phone']],
  ])('%#: reports %j', (body, expected) => {
    expect(fields(body)).toEqual(expected);
  });

  it('accepts limits exactly at the maximum', () => {
    expect(fields({ ...minimal, content: '字'.repeat(2000), answer: '答'.repeat(2000) })).toEqual(
      [],
    );
  });

  it('complaint.specificClues defaults to false (clues are not specific unless the agent says so)', () => {
    const r = parseCreateTicket({
      ...minimal,
      type: 'complaint',
      complaint: { category: 'conduct' },
    });
    expect(r.ok && r.value.complaint).toEqual({ category: 'conduct', specificClues: false });
  });

  it('a voicemail ticket may name its voicemail', () => {
    const r = parseCreateTicket({
      ...minimal,
      channel: 'voicemail',
      voicemailId: 'VM20261128-0001',
    });
    expect(r.ok && r.value.voicemailId).toBe('VM20261128-0001');
  });

  describe('override', () => {
    it('needs a non-empty reason', () => {
      expect(
        validateCreateTicket({
          ...minimal,
          override: { action: 'transfer', targetId: 'head-civil', reason: '  ' },
        }),
      ).toEqual([{ field: 'override.reason', message: '改变系统建议的处理方式须说明理由' }]);
    });

    it('needs a target unless it is a direct answer', () => {
      expect(fields({ ...minimal, override: { action: 'transfer', reason: '涉及执行' } })).toEqual([
        'override.targetId',
      ]);
      const r = parseCreateTicket({
        ...minimal,
        override: { action: 'direct_answer', reason: '已当场答复' },
      });
      expect(r.ok && r.value.override).toEqual({
        action: 'direct_answer',
        targetId: null,
        reason: '已当场答复',
      });
    });

    it('checks the action', () => {
      expect(
        fields({ ...minimal, override: { action: 'forward', targetId: 'x', reason: 'r' } }),
      ).toEqual(['override.action']);
    });
  });

  it('rejects a body that is not an object', () => {
    expect(validateCreateTicket(null)).toEqual([{ field: 'body', message: '请求体应为JSON对象' }]);
    expect(validateCreateTicket([])).toEqual([{ field: 'body', message: '请求体应为JSON对象' }]);
  });
});

describe('parseCreateTicket refuses fields it does not know', () => {
  it.each([
    [{ ...minimal, colour: 'red' }, 'colour'],
    [{ ...minimal, caller: { name: '张三', phone: '13800138000', vip: true } }, 'caller.vip'],
    [{ ...minimal, flags: { urgent: false, vip: true } }, 'flags.vip'],
    [
      { ...minimal, type: 'complaint', complaint: { category: 'filing', judge: '王法官' } },
      'complaint.judge',
    ],
    [
      { ...minimal, override: { action: 'direct_answer', reason: '已答复', by: 'agent01' } },
      'override.by',
    ],
  ])('%#: names %s, in Chinese', (body, field) => {
    expect(validateCreateTicket(body)).toEqual([
      { field, message: `不接受未定义的字段“${field}”` },
    ]);
  });

  it('reports them after the problems of the declared fields', () => {
    expect(fields({ ...minimal, $where: '1', content: '', caller: { phone: 1 } })).toEqual([
      'caller.name',
      'caller.phone',
      'content',
      '$where',
    ]);
  });

  it('still names a nested value that is not an object by its own message', () => {
    expect(validateCreateTicket({ ...minimal, flags: 'urgent' })).toEqual([
      { field: 'flags', message: '标记应为对象' },
    ]);
    expect(validateCreateTicket({ ...minimal, override: ['transfer'] })).toEqual([
      { field: 'override', message: '改变处理方式应为对象 { action, targetId, reason }' },
    ]);
  });
});
