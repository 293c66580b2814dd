import { DEMO_CASE_NUMBER, DEMO_DIRECTORY } from './demo-directory';
import { createDirectory, type DirectoryData, validateDirectoryData } from './directory';
import { parsePhone } from './phone';

describe('demo directory (API.md)', () => {
  const directory = createDirectory(DEMO_DIRECTORY);

  it('is consistent', () => {
    expect(validateDirectoryData(DEMO_DIRECTORY)).toEqual([]);
  });

  it.each([
    ['agent01', 'agent', 'filing'],
    ['judge01', 'handler', 'civil'],
    ['head-civil', 'handler', 'civil'],
    ['head-petition', 'handler', 'petition'],
    ['head-filing', 'handler', 'filing'],
    ['head-enforcement-supervision', 'handler', 'enforcement-supervision'],
    ['discipline-centre', 'handler', 'discipline-centre'],
    ['vice-chief-civil', 'leader', 'civil'],
    ['chief-civil', 'leader', 'civil'],
    ['vice-president', 'leader', 'leadership'],
    ['president', 'leader', 'leadership'],
    ['supervisor01', 'supervisor', 'filing'],
    ['admin', 'admin', null],
    ['telephony', 'telephony', null],
  ])('has %s (%s, %s)', (id, role, departmentId) => {
    const person = directory.person(id);
    expect(person).toMatchObject({ id, role, departmentId });
    expect(person!.name).toMatch(/[\u4e00-\u9fff]/);
    const phone = parsePhone(person!.phone);
    expect(phone.ok && phone.value.normalized).toBe(person!.phone);
  });

  it('finds the case in either bracket style, with judge01 presiding', () => {
    expect(directory.caseByNumber(DEMO_CASE_NUMBER)?.presidingJudgeId).toBe('judge01');
    expect(directory.caseByNumber('（2026）豫0782民初1号')?.number).toBe('(2026)豫0782民初1号');
    expect(directory.presidingJudge('（2026）豫0782民初1号')?.id).toBe('judge01');
    expect(directory.caseByNumber('(2026)豫0782民初2号')).toBeUndefined();
    expect(directory.caseByNumber('garbage')).toBeUndefined();
  });

  it('names the special departments of Article 4', () => {
    const special = directory.special();
    expect(directory.department(special.petition)?.headId).toBe('head-petition');
    expect(directory.department(special.filing)?.headId).toBe('head-filing');
    expect(directory.department(special.enforcementSupervision)?.headId).toBe(
      'head-enforcement-supervision',
    );
    expect(directory.department(special.violationsReporting)?.headId).toBe('discipline-centre');
    expect(directory.department(special.leadership)?.id).toBe('leadership');
    expect(directory.court().presidentId).toBe('president');
  });

  it('the civil division has head, vice chief, chief and vice president', () => {
    expect(directory.department('civil')).toEqual({
      id: 'civil',
      name: '民事审判庭',
      headId: 'head-civil',
      viceChiefId: 'vice-chief-civil',
      chiefId: 'chief-civil',
      vicePresidentId: 'vice-president',
    });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEMO_DIRECTORY.people[0])).toBe(true);
  });
});

describe('validateDirectoryData', () => {
  it('reports dangling references, duplicates and bad case numbers', () => {
    const bad: DirectoryData = {
      ...DEMO_DIRECTORY,
      court: { name: '某人民法院', presidentId: 'nobody' },
      people: [...DEMO_DIRECTORY.people, { ...DEMO_DIRECTORY.people[0] }],
      cases: [{ number: '民初1号', presidingJudgeId: 'ghost' }],
    };
    expect(validateDirectoryData(bad)).toEqual([
      { field: 'people[14].id', message: '人员编号重复：agent01' },
      { field: 'court.presidentId', message: '未知人员：nobody' },
      { field: 'cases[0].number', message: '案号格式不正确：民初1号' },
      { field: 'cases[0].presidingJudgeId', message: '未知人员：ghost' },
    ]);
    expect(() => createDirectory(bad)).toThrow('通讯录数据有误');
  });
});
