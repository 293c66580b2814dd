import { planCaseImport } from './case-import';
import { decodeImportText, parseCsv } from './csv-text';
import { DEMO_DIRECTORY } from './demo-directory';
import type { DirectoryData } from './directory';
import { planPeopleImport } from './people-import';

describe('decodeImportText', () => {
  it('reads UTF-8, with or without a BOM', () => {
    const bytes = new TextEncoder().encode('案号,承办法官\n(2026)豫0782民初5号,李明');
    expect(decodeImportText(bytes)).toEqual({
      text: '案号,承办法官\n(2026)豫0782民初5号,李明',
      encoding: 'utf-8',
    });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('民初')]);
    expect(decodeImportText(bom)).toEqual({ text: '民初', encoding: 'utf-8' });
  });

  it('reads GBK bytes (not valid UTF-8) as GB18030', () => {
    // 民 C3F1, 初 B3F5, 李 C0EE, 明 C3F7 in GBK; ASCII as is
    const bytes = new Uint8Array([
      0xc3, 0xf1, 0xb3, 0xf5, 0x2c, 0x31, 0x0d, 0x0a, 0xc0, 0xee, 0xc3, 0xf7,
    ]);
    expect(decodeImportText(bytes)).toEqual({ text: '民初,1\r\n李明', encoding: 'gb18030' });
  });
});

describe('parseCsv', () => {
  it('splits on commas and line breaks (LF, CRLF, CR), skipping blank lines', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\n\n4,,6\r\r\n7,8,9')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '', '6'],
      ['7', '8', '9'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('"a,b","say ""hi""","line1\r\nline2"\r\n"",x\r\n')).toEqual([
      ['a,b', 'say "hi"', 'line1\r\nline2'],
      ['', 'x'],
    ]);
  });

  it('drops a leading BOM and keeps a trailing empty field', () => {
    expect(parseCsv('\ufeff案号,案由,\n1,2,')).toEqual([
      ['案号', '案由', ''],
      ['1', '2', ''],
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\r\n\r\n')).toEqual([]);
  });
});

const withTwoLis: DirectoryData = {
  ...DEMO_DIRECTORY,
  people: [
    ...DEMO_DIRECTORY.people,
    {
      id: 'judge09',
      name: '王芳',
      role: 'handler',
      title: '',
      departmentId: 'civil',
      phone: '13903731009',
    },
    {
      id: 'judge10',
      name: '王芳',
      role: 'handler',
      title: '',
      departmentId: 'civil',
      phone: '13903731010',
    },
  ],
};

describe('planCaseImport', () => {
  it('resolves judges by id or unique name and counts created, updated, unchanged', () => {
    const r = planCaseImport(
      [
        '案号,承办法官,案由,立案日期',
        '（2026）豫0782民初5号,李明,"买卖合同纠纷,二审",2026-01-01',
        '(2026)豫0782民初1号,judge01,民间借贷纠纷,',
        '(2026)豫0782民初6号,judge09,,',
      ].join('\r\n'),
      withTwoLis,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.records).toEqual([
      { number: '(2026)豫0782民初5号', presidingJudgeId: 'judge01', cause: '买卖合同纠纷,二审' },
      { number: '(2026)豫0782民初1号', presidingJudgeId: 'judge01', cause: '民间借贷纠纷' },
      { number: '(2026)豫0782民初6号', presidingJudgeId: 'judge09' },
    ]);
    expect(r.value).toMatchObject({ created: 2, updated: 0, unchanged: 1 });
    expect(r.value.data.cases).toHaveLength(3);
  });

  it('names every bad row and column (the header is row 1)', () => {
    const r = planCaseImport(
      [
        '案号,承办法官',
        '(2026)豫0782民初7号,李明',
        '豫0782民初,李明',
        '(2026)豫0782民初7号,nobody',
        '(2026)豫0782民初8号,王芳',
        ',',
      ].join('\n'),
      withTwoLis,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual([
      'rows[3].案号',
      'rows[4].案号',
      'rows[4].承办法官',
      'rows[5].承办法官',
      'rows[6].案号',
      'rows[6].承办法官',
    ]);
    expect(r.errors[1]!.message).toContain('第2行');
    expect(r.errors[2]!.message).toContain('未知人员');
    expect(r.errors[3]!.message).toContain('judge09、judge10');
  });

  it('answers a missing column, an empty file and a header-only file', () => {
    const header = planCaseImport('编号,姓名\n1,2', DEMO_DIRECTORY);
    expect(header).toEqual({
      ok: false,
      errors: [
        { field: 'header', message: expect.stringContaining('缺少“案号”列') },
        { field: 'header', message: expect.stringContaining('缺少“承办法官”列') },
      ],
    });
    expect(planCaseImport('', DEMO_DIRECTORY)).toEqual({
      ok: false,
      errors: [{ field: 'file', message: '文件为空' }],
    });
    expect(planCaseImport('案号,承办人\r\n', DEMO_DIRECTORY).ok).toBe(false);
  });
});

describe('planPeopleImport', () => {
  it('accepts role codes or labels and departments by id or name, phones normalised', () => {
    const r = planPeopleImport(
      [
        '工号,姓名,角色,职务,部门,手机号',
        'judge05,赵敏,承办人,审判员,民事审判庭,139 0373 1005',
        'judge01,李明,handler,民事审判庭审判员（承办法官）,civil,13903731001',
        'clerk1,周杰,agent,,,0371-63211234',
      ].join('\n'),
      DEMO_DIRECTORY,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.records[0]).toEqual({
      id: 'judge05',
      name: '赵敏',
      role: 'handler',
      title: '审判员',
      departmentId: 'civil',
      phone: '13903731005',
    });
    expect(r.value.records[2]).toMatchObject({ departmentId: null, title: '' });
    expect(r.value).toMatchObject({ created: 2, updated: 0, unchanged: 1 });
  });

  it('names bad ids, roles, departments and phones by row', () => {
    const r = planPeopleImport(
      [
        '工号,姓名,角色,部门,手机号',
        '张 三,张三,法官,刑事庭,123',
        'ok1,,agent,civil,13903731005',
        'ok1,王五,agent,civil,13903731006',
      ].join('\n'),
      DEMO_DIRECTORY,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual([
      'rows[2].工号',
      'rows[2].角色',
      'rows[2].部门',
      'rows[2].手机号',
      'rows[3].姓名',
      'rows[4].工号',
    ]);
  });
});
