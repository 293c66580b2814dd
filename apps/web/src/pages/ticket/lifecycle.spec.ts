import type { TicketView } from '../../api/types';
import type { DirectoryLookup } from './directory';
import {
  attachmentProblem,
  defaultExtensionUntil,
  extensionUntilProblem,
  handlerGroups,
  lostText,
  readableNote,
  routeChanges,
  uploadErrorText,
} from './lifecycle';

const directory: DirectoryLookup = {
  departments: [
    { id: 'filing', name: '立案庭', headId: 'head-filing' },
    { id: 'civil', name: '民事审判庭', headId: 'head-civil' },
  ],
  people: [
    {
      id: 'judge01',
      name: '李明',
      title: '民事审判庭审判员',
      role: 'handler',
      departmentId: 'civil',
      departmentName: '民事审判庭',
    },
    {
      id: 'head-civil',
      name: '张建国',
      title: '民事审判庭庭长',
      role: 'handler',
      departmentId: 'civil',
      departmentName: '民事审判庭',
    },
    {
      id: 'head-filing',
      name: '吴立新',
      title: '立案庭庭长',
      role: 'handler',
      departmentId: 'filing',
      departmentName: '立案庭',
    },
    { id: 'agent01', name: '王芳', role: 'agent', departmentId: null, departmentName: null },
    {
      id: 'chief-civil',
      name: '赵院长',
      role: 'leader',
      departmentId: 'civil',
      departmentName: '民事审判庭',
    },
  ],
};

describe('lostText', () => {
  it('says the time lost in hours and minutes', () => {
    expect(lostText(0)).toBe('不足1分钟');
    expect(lostText(40 * 60_000)).toBe('40分钟');
    expect(lostText(3 * 3_600_000)).toBe('3小时');
    expect(lostText(27 * 3_600_000 + 25 * 60_000)).toBe('27小时25分钟');
    expect(lostText(Number.NaN)).toBe('不足1分钟');
  });
});

describe('handlerGroups', () => {
  it('offers the handlers by department in the directory order, without the present one', () => {
    const groups = handlerGroups(directory, 'judge01');
    expect(groups.map((g) => g.label)).toEqual(['立案庭', '民事审判庭']);
    expect(groups.flatMap((g) => g.options.map((o) => o.value))).toEqual([
      'head-filing',
      'head-civil',
    ]);
    expect(groups[1]!.options[0]).toMatchObject({
      label: '张建国（民事审判庭庭长）',
      search: expect.stringContaining('张建国'),
    });
  });

  it('offers nothing while the directory loads', () => {
    expect(handlerGroups(undefined, null)).toEqual([]);
  });
});

describe('routeChanges', () => {
  it('lists returns and reassignments oldest first, with from → to and the time lost', () => {
    const ticket = {
      returns: [
        {
          at: '2026-11-28T02:00:00.000Z',
          by: 'judge01',
          departmentId: 'civil',
          reason: '不属本庭',
        },
      ],
      reassignments: [
        {
          at: '2026-11-28T03:30:00.000Z',
          by: 'agent01',
          reason: '应由立案庭办理',
          from: { id: 'judge01', name: '李明', role: 'handler' },
          fromDepartmentId: 'civil',
          to: { id: 'head-filing', name: '吴立新', role: 'handler' },
          toDepartmentId: 'filing',
          lostMs: 2.5 * 3_600_000,
        },
      ],
    } as unknown as Pick<TicketView, 'returns' | 'reassignments'>;
    expect(routeChanges(ticket, directory)).toEqual([
      { kind: 'returned', at: '2026-11-28T02:00:00.000Z', by: 'judge01', reason: '不属本庭' },
      {
        kind: 'reassigned',
        at: '2026-11-28T03:30:00.000Z',
        by: 'agent01',
        reason: '应由立案庭办理',
        from: '李明（民事审判庭）',
        to: '吴立新（立案庭）',
        lost: '2小时30分钟',
      },
    ]);
  });

  it('reads a ticket without the fields (the ledger copy) as none', () => {
    expect(routeChanges({}, directory)).toEqual([]);
  });
});

describe('延期至', () => {
  const feedbackBy = '2026-12-01T09:00:00.000Z'; // 17:00 in Shanghai

  it('offers three days after the present deadline, in Shanghai time', () => {
    expect(defaultExtensionUntil(feedbackBy)).toBe('2026-12-04T17:00');
  });

  it('must be a time later than the present deadline', () => {
    expect(extensionUntilProblem(undefined, feedbackBy)).toBe('请选择延期至的时间');
    expect(extensionUntilProblem('tomorrow', feedbackBy)).toBe('请填写有效的时间');
    expect(extensionUntilProblem('2026-12-01T17:00', feedbackBy)).toBe('延期至须晚于当前反馈期限');
    expect(extensionUntilProblem('2026-12-01T17:01', feedbackBy)).toBeNull();
  });
});

describe('attachments', () => {
  it('refuses a file over 20 MB before sending it', () => {
    expect(attachmentProblem({ size: 20 * 1024 * 1024 })).toBeNull();
    expect(attachmentProblem({ size: 20 * 1024 * 1024 + 1 })).toMatch(/20 MB/);
  });

  it('says 413 and 415 in Chinese, keeping the API message when it is Chinese', () => {
    expect(uploadErrorText(413, 'File too large')).toMatch(/文件过大/);
    expect(uploadErrorText(415, 'Unsupported Media Type')).toMatch(/文件类型不允许/);
    expect(uploadErrorText(415, '不支持该文件类型')).toBe('不支持该文件类型');
    expect(uploadErrorText(500, '服务器错误')).toBe('服务器错误');
  });
});

describe('readableNote', () => {
  it('writes the instants in a timeline note in Shanghai time', () => {
    expect(readableNote('申请延期至 2026-12-04T09:00:00.000Z：需调取卷宗')).toBe(
      '申请延期至 2026-12-04 17:00：需调取卷宗',
    );
    expect(readableNote('反馈期限延至 2026-12-04T17:30:00+08:00；同意')).toBe(
      '反馈期限延至 2026-12-04 17:30；同意',
    );
    expect(readableNote('案号 (2026)豫0782民初1号，2026-12-04 开庭')).toBe(
      '案号 (2026)豫0782民初1号，2026-12-04 开庭',
    );
  });
});
