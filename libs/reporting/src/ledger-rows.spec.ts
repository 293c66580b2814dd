import { ledgerFilter } from '@court/database';
import type { ExtensionStatus, LedgerDisposition } from '@court/domain';
import { csvField, csvLine } from './csv';
import { LEDGER_COLUMNS, ledgerRow, shanghaiMonthDay, summarize } from './ledger-rows';
import { parsePeriod } from './period';

const names = { department: (id: string) => `部门${id}`, person: (id: string) => `人员${id}` };

describe('ledger rows', () => {
  it('maps a ticket to one row per column, phone masked, times in Shanghai', () => {
    const row = ledgerRow(
      {
        _id: 'T20261102-0001',
        type: 'complaint',
        caller: { name: '张三', phone: '13800138000' },
        caseNumber: '(2026)豫0782民初1号',
        content: '反映立案庭拖延立案',
        status: 'bulletined',
        disposition: {
          action: 'transfer',
          rule: '4.5',
          target: { id: 'head-filing', name: '吴立新', role: 'handler' as const },
        } as LedgerDisposition,
        handlerId: 'head-filing',
        departmentId: 'filing',
        deadlines: { feedbackBy: new Date('2026-11-05T01:00:00Z') },
        receivedAt: new Date('2026-11-02T01:00:00Z'),
        dispatchedAt: new Date('2026-11-02T01:05:00Z'),
        overdueAt: new Date('2026-11-05T01:00:00Z'),
        reminders: 2,
        bulletinedAt: new Date('2026-11-07T01:00:00Z'),
        callbackDue: false,
      },
      names,
    );
    expect(row).toHaveLength(LEDGER_COLUMNS.length);
    expect(row).toEqual([
      'T20261102-0001',
      '2026-11-02 09:00',
      '投诉举报',
      '张三',
      '138****8000',
      '(2026)豫0782民初1号',
      '反映立案庭拖延立案',
      '转办',
      '第四条第五项（4.5）',
      '吴立新',
      '部门filing',
      '2026-11-02 09:05',
      '2026-11-05 09:00',
      '',
      '',
      '已通报',
      '是',
      2,
      '是',
      '无需回访',
      '',
      0,
      '',
      '',
    ]);
    expect(JSON.stringify(row)).not.toContain('13800138000');
  });

  it('keeps the columns in order and appends the lifecycle’s at the end', () => {
    expect(LEDGER_COLUMNS.map((c) => c.header)).toEqual([
      '工单编号',
      '受理时间',
      '工单类型',
      '来电人',
      '来电号码',
      '案号',
      '主要内容',
      '处理方式',
      '依据条款',
      '承办人',
      '承办部门',
      '转办时间',
      '反馈期限',
      '反馈时间',
      '反馈结果',
      '状态',
      '是否逾期',
      '催办次数',
      '是否通报',
      '回访结果',
      '签收时间',
      '退回次数',
      '改派记录',
      '延期',
    ]);
  });

  it('shows 签收, 退回, 改派 (both routes) and 延期, and the label of 已退回', () => {
    const route = (id: string, name: string) => ({ id, name, role: 'handler' as const });
    const extension = (status: ExtensionStatus) => ({
      status,
      until: new Date('2026-12-10T09:30:00Z'),
      reason: '需调取卷宗',
      requestedBy: 'judge02',
      requestedAt: new Date('2026-12-01T01:00:00Z'),
      previousFeedbackBy: new Date('2026-12-03T01:00:00Z'),
      decidedBy: status === 'pending' ? null : 'head-civil',
      decidedAt: status === 'pending' ? null : new Date('2026-12-01T03:00:00Z'),
      note: null,
    });
    const doc = {
      _id: 'T20261201-0001',
      status: 'returned' as const,
      acceptedAt: new Date('2026-12-01T00:40:00Z'),
      returns: [
        {
          at: new Date('2026-12-01T00:30:00Z'),
          by: 'judge01',
          departmentId: 'civil',
          reason: '非本庭',
        },
        {
          at: new Date('2026-12-01T00:50:00Z'),
          by: 'judge03',
          departmentId: 'filing',
          reason: '非本人',
        },
      ],
      reassignments: [
        {
          at: new Date('2026-12-01T00:35:00Z'),
          by: 'supervisor01',
          reason: '属民二庭',
          from: route('judge01', '张三'),
          fromDepartmentId: 'civil',
          to: route('judge02', '李四'),
          toDepartmentId: 'civil',
          lostMs: 5 * 60_000,
        },
        {
          at: new Date('2026-12-01T00:55:00Z'),
          by: 'supervisor01',
          reason: '',
          from: null,
          fromDepartmentId: null,
          to: { id: 'judge05', name: '', role: 'handler' as const },
          toDepartmentId: 'civil',
          lostMs: 0,
        },
      ],
      extension: extension('approved'),
      extensions: [extension('approved')],
    };
    const row = ledgerRow(doc, names);
    const cell = (header: string) => row[LEDGER_COLUMNS.findIndex((c) => c.header === header)];
    expect(cell('状态')).toBe('已退回');
    expect(cell('签收时间')).toBe('2026-12-01 08:40');
    expect(cell('退回次数')).toBe(2);
    expect(cell('改派记录')).toBe('张三→李四（属民二庭）；（未指派）→人员judge05');
    expect(cell('延期')).toBe('已同意至12月10日17:30');
    const latest = (status: ExtensionStatus) =>
      ledgerRow({ ...doc, extension: extension(status) }, names)[LEDGER_COLUMNS.length - 1];
    expect(latest('pending')).toBe('申请延期至12月10日17:30（待审批）');
    expect(latest('refused')).toBe('未同意（申请至12月10日17:30）');
    expect(latest('expired')).toBe('未获答复，按原期限（申请至12月10日17:30）');
    // Only the list known: its last request.
    expect(
      ledgerRow({ ...doc, extension: undefined, extensions: [extension('refused')] }, names).at(-1),
    ).toBe('未同意（申请至12月10日17:30）');
    expect(shanghaiMonthDay('2026-01-05T16:05:00Z')).toBe('1月6日00:05');
  });

  it('summarizes long content and escapes CSV', () => {
    expect(summarize('一'.repeat(70))).toBe(`${'一'.repeat(60)}…`);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvLine(['x', 1])).toBe('x,1\r\n');
  });

  it('builds the query from filters (dates are Shanghai days, to inclusive)', () => {
    expect(
      ledgerFilter({
        period: parsePeriod('2026-11-01', '2026-11-30'),
        type: 'petition',
        departmentId: 'civil',
      }),
    ).toEqual({
      receivedAt: { $gte: new Date('2026-10-31T16:00:00Z'), $lt: new Date('2026-11-30T16:00:00Z') },
      type: 'petition',
      departmentId: 'civil',
    });
    expect(ledgerFilter({ period: parsePeriod() })).toEqual({});
  });

  it('refuses a bad period', () => {
    expect(() => parsePeriod('yesterday')).toThrow('from');
    expect(() => parsePeriod('2026-11-30', '2026-11-01')).toThrow('结束时间');
    expect(parsePeriod('2026-11-01T08:00:00+08:00').from?.toISOString()).toBe(
      '2026-11-01T00:00:00.000Z',
    );
  });
});
