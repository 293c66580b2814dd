import {
  actionOptions,
  type DirectoryView,
  defaultActionFor,
  findPerson,
  personLabel,
  targetGroups,
} from './override-targets';

const directory: DirectoryView = {
  departments: [
    { id: 'civil', name: '民事审判庭' },
    { id: 'filing', name: '立案庭' },
  ],
  people: [
    {
      id: 'agent01',
      name: '王静',
      role: 'agent',
      departmentId: 'filing',
      departmentName: '立案庭',
    },
    {
      id: 'head-filing',
      name: '吴立新',
      role: 'handler',
      title: '立案庭庭长',
      departmentId: 'filing',
      departmentName: '立案庭',
    },
    {
      id: 'judge01',
      name: '李明',
      role: 'handler',
      departmentId: 'civil',
      departmentName: '民事审判庭',
    },
    {
      id: 'chief-civil',
      name: '孙志强',
      role: 'leader',
      title: '民事审判庭庭长',
      departmentId: 'civil',
      departmentName: '民事审判庭',
    },
    { id: 'president', name: '院长', role: 'leader', departmentId: null, departmentName: null },
    { id: 'admin', name: '系统管理员', role: 'admin' },
  ],
};

describe('targetGroups', () => {
  it('offers handlers and leaders only, by department in the directory’s order', () => {
    const groups = targetGroups(directory);
    expect(groups.map((g) => g.label)).toEqual(['民事审判庭', '立案庭', '其他']);
    expect(groups.flatMap((g) => g.options.map((o) => o.value)).sort()).toEqual(
      ['chief-civil', 'head-filing', 'judge01', 'president'].sort(),
    );
  });

  it('names each person with their title or department, findable by either', () => {
    const filing = targetGroups(directory).find((g) => g.label === '立案庭')!;
    expect(filing.options[0]).toEqual({
      value: 'head-filing',
      label: '吴立新（立案庭庭长）',
      search: '吴立新 立案庭庭长 立案庭',
    });
  });
});

describe('actions', () => {
  it('a handler takes a transfer; a leader a report or an escalation', () => {
    expect(actionOptions('handler').map((o) => o.value)).toEqual(['transfer']);
    expect(actionOptions('leader').map((o) => o.label)).toEqual(['层报院领导', '立即层报']);
    expect(defaultActionFor('leader')).toBe('leadership_report');
    expect(defaultActionFor('agent')).toBeUndefined();
    expect(actionOptions(undefined)).toEqual([]);
  });
});

describe('people', () => {
  it('finds a person by id and labels one without a department by name', () => {
    expect(findPerson(directory, 'judge01')?.name).toBe('李明');
    expect(findPerson(directory, undefined)).toBeUndefined();
    expect(personLabel({ id: 'x', name: '某人', role: 'leader' })).toBe('某人');
  });
});
