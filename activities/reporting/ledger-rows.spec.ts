import {
  csvField,
  csvLine,
  LEDGER_COLUMNS,
  ledgerQuery,
  ledgerRow,
  summarize,
} from './ledger-rows';
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
          target: { id: 'head-filing', name: '吴立新', role: 'handler' },
        },
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
    ]);
    expect(JSON.stringify(row)).not.toContain('13800138000');
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
      ledgerQuery({
        period: parsePeriod('2026-11-01', '2026-11-30'),
        type: 'petition',
        departmentId: 'civil',
      }),
    ).toEqual({
      receivedAt: { $gte: new Date('2026-10-31T16:00:00Z'), $lt: new Date('2026-11-30T16:00:00Z') },
      type: 'petition',
      departmentId: 'civil',
    });
    expect(ledgerQuery({ period: parsePeriod() })).toEqual({});
  });

  it('refuses a bad period', () => {
    expect(() => parsePeriod('yesterday')).toThrow('from');
    expect(() => parsePeriod('2026-11-30', '2026-11-01')).toThrow('结束时间');
    expect(parsePeriod('2026-11-01T08:00:00+08:00').from?.toISOString()).toBe(
      '2026-11-01T00:00:00.000Z',
    );
  });
});
