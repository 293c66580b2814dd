import { filingComplaint, IntakeTestApp, randomMobile } from '../support/intake-app';

/**
 * GBK bytes of a text, from the platform's GB18030 decoder run backwards (Node has no GBK
 * encoder): every character here is in GBK's two-byte range, ASCII stays as is.
 */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (!table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`not in GBK: ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

describe('POST /api/directory/import', () => {
  const t = new IntakeTestApp();
  beforeAll(() => t.start());
  afterAll(() => t.stop());

  const suffix = String(Date.now() % 1_000_000);
  const judgeId = `imp-judge-${suffix}`;
  const caseNumber = (n: number) => `(2026)豫0782民初${suffix}${n}号`;

  async function upload(kind: string, bytes: Buffer | string, user = 'admin', name = 'a.csv') {
    return (await t.as(user))
      .post('/api/directory/import')
      .field('kind', kind)
      .attach('file', Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8'), {
        filename: name,
        contentType: 'text/csv',
      });
  }

  it('imports people (UTF-8 with BOM), then a GBK cases file that routes to the new judge', async () => {
    const people = await upload(
      'people',
      `\ufeff工号,姓名,角色,职务,部门,手机号\r\n${judgeId},导入法官,承办人,审判员,民事审判庭,${randomMobile()}\r\n`,
    );
    expect(people.status).toBe(200);
    expect(people.body).toEqual({
      kind: 'people',
      created: 1,
      updated: 0,
      unchanged: 0,
      encoding: 'utf-8',
    });

    const csv = [
      '案号,承办法官,案由',
      `${caseNumber(1)},${judgeId},民间借贷纠纷`,
      `"（2026）豫0782民初${suffix}2号",导入法官,"买卖合同纠纷,反诉"`,
      '',
    ].join('\r\n');
    const cases = await upload('cases', gbk(csv));
    expect(cases.status).toBe(200);
    expect(cases.body).toEqual({
      kind: 'cases',
      created: 2,
      updated: 0,
      unchanged: 0,
      encoding: 'gb18030',
    });

    const view = await (await t.as('agent01')).get('/api/directory');
    expect(view.body.cases).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          number: caseNumber(1),
          presidingJudgeId: judgeId,
          presidingJudgeName: '导入法官',
          departmentId: 'civil',
          cause: '民间借贷纠纷',
        }),
        expect.objectContaining({ number: caseNumber(2), cause: '买卖合同纠纷,反诉' }),
      ]),
    );

    const proposal = await (await t.as('agent01')).post('/api/tickets/proposal').send(
      filingComplaint({
        type: 'contact_judge',
        complaint: null,
        caseNumber: caseNumber(1),
        answer: '承办法官导入法官',
        flags: { urgent: false, abusive: false, litigationRights: true, couldNotReachJudge: true },
      }),
    );
    expect(proposal.status).toBe(200);
    expect(proposal.body.disposition).toMatchObject({
      action: 'transfer',
      rule: '4.2',
      target: { id: judgeId },
    });

    // the same file again changes nothing
    const again = await upload('cases', gbk(csv));
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('a file with one bad row changes nothing and names the row', async () => {
    const r = await upload(
      'cases',
      [
        '案号,承办法官,案由',
        `${caseNumber(3)},judge01,`,
        `${caseNumber(4)},nobody-at-all,`,
        `${caseNumber(5)},judge01,`,
      ].join('\n'),
    );
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      statusCode: 400,
      message: expect.stringContaining('未做任何修改'),
      errors: [{ field: 'rows[3].承办法官', message: expect.stringContaining('未知人员') }],
    });
    const view = await (await t.as('admin')).get('/api/directory');
    const numbers = view.body.cases.map((c: { number: string }) => c.number);
    expect(numbers).not.toContain(caseNumber(3));
    expect(numbers).not.toContain(caseNumber(5));
  });

  it('403 for a non-admin', async () => {
    const r = await upload('cases', `案号,承办法官\n${caseNumber(6)},judge01\n`, 'agent01');
    expect(r.status).toBe(403);
    const view = await (await t.as('admin')).get('/api/directory');
    expect(view.body.cases.map((c: { number: string }) => c.number)).not.toContain(caseNumber(6));
  });

  it('413 for a file over 2 MB', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024 + 10, 'a');
    const r = await upload('cases', big);
    expect(r.status).toBe(413);
    expect(r.body).toEqual({ statusCode: 413, message: expect.stringContaining('2 MB') });
  });

  it('400 for an empty file, an unknown header, a missing file or kind', async () => {
    const empty = await upload('cases', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([{ field: 'file', message: '文件为空' }]);

    const header = await upload('cases', '编号,姓名\n1,2\n');
    expect(header.status).toBe(400);
    expect(header.body.errors[0]).toMatchObject({
      field: 'header',
      message: expect.stringContaining('缺少“案号”列'),
    });

    const noFile = await (await t.as('admin')).post('/api/directory/import').field('kind', 'cases');
    expect(noFile.status).toBe(400);
    expect(noFile.body.errors[0].field).toBe('file');

    const badKind = await upload('tickets', '案号\n');
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors[0].field).toBe('kind');
  });

  it('is in the OpenAPI document as a multipart upload', async () => {
    const r = await t.http().get('/api/docs-json');
    const op = r.body.paths['/api/directory/import'].post;
    expect(Object.keys(op.requestBody.content)).toEqual(['multipart/form-data']);
    expect(r.body.components.schemas.DirectoryImportResult.required).toEqual(
      expect.arrayContaining(['kind', 'created', 'updated', 'unchanged']),
    );
  });
});
