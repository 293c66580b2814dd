import {
  DEFAULT_POLICY,
  PolicyConfigError,
  parsePolicy,
  policyToSettings,
  revivePolicy,
} from './policy';

describe('parsePolicy', () => {
  it('defaults match API.md', () => {
    expect(parsePolicy({})).toEqual({
      schemaVersion: 1,
      dispatchWithin: { amount: 2, unit: 'h', text: '2h' },
      feedbackWithin: { amount: 3, unit: 'd', text: '3d' },
      reminderWithin: { amount: 1, unit: 'wd', text: '1wd' },
      bulletinAfter: { amount: 1, unit: 'wd', text: '1wd' },
      escalationAckWithin: { amount: 30, unit: 'm', text: '30m' },
      callbackWithin: { amount: 3, unit: 'd', text: '3d' },
      autoRemind: true,
      warnAt: 0.67,
      quietHours: { start: '22:00', end: '07:00' },
      workingHours: [
        { start: '08:30', end: '12:00' },
        { start: '14:30', end: '17:30' },
      ],
    });
    expect(DEFAULT_POLICY).toEqual(parsePolicy({}));
  });

  it('reads the settings', () => {
    const p = parsePolicy({
      POLICY_DISPATCH_WITHIN: '90s',
      POLICY_FEEDBACK_WITHIN: '2m',
      POLICY_REMINDER_WITHIN: '2wd',
      POLICY_BULLETIN_AFTER: '5m',
      POLICY_ESCALATION_ACK_WITHIN: '45s',
      POLICY_CALLBACK_WITHIN: '1h',
      POLICY_AUTO_REMIND: 'false',
      POLICY_WARN_AT: '0.5',
      NOTIFY_QUIET_HOURS: 'off',
      POLICY_WORKING_HOURS: '09:00-12:00, 13:30-18:00',
      UNRELATED: 'x',
    });
    expect(p.dispatchWithin.text).toBe('90s');
    expect(p.feedbackWithin.text).toBe('2m');
    expect(p.reminderWithin).toEqual({ amount: 2, unit: 'wd', text: '2wd' });
    expect(p.bulletinAfter.text).toBe('5m');
    expect(p.escalationAckWithin.text).toBe('45s');
    expect(p.callbackWithin.text).toBe('1h');
    expect(p.autoRemind).toBe(false);
    expect(p.warnAt).toBe(0.5);
    expect(p.quietHours).toBeNull();
    expect(p.workingHours).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ]);
  });

  it('treats an empty variable as unset', () => {
    expect(parsePolicy({ POLICY_DISPATCH_WITHIN: '', NOTIFY_QUIET_HOURS: '  ' })).toEqual(
      DEFAULT_POLICY,
    );
  });

  it('is frozen and survives JSON (it travels in workflow inputs)', () => {
    const p = parsePolicy({});
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.dispatchWithin)).toBe(true);
    expect(Object.isFrozen(p.workingHours[0])).toBe(true);
    const copy = JSON.parse(JSON.stringify(p));
    expect(copy).toEqual(p);
    expect(revivePolicy(copy)).toEqual(p);
    expect(Object.isFrozen(revivePolicy(copy))).toBe(true);
  });

  it('round-trips through its settings', () => {
    const p = parsePolicy({
      POLICY_DISPATCH_WITHIN: '90s',
      NOTIFY_QUIET_HOURS: 'off',
      POLICY_WARN_AT: '.8',
    });
    expect(policyToSettings(p)).toMatchObject({
      POLICY_DISPATCH_WITHIN: '90s',
      NOTIFY_QUIET_HOURS: 'off',
      POLICY_WARN_AT: '0.8',
    });
    expect(parsePolicy(policyToSettings(p))).toEqual(p);
  });

  it('names every bad variable and the accepted forms, in one error', () => {
    let error: unknown;
    try {
      parsePolicy({
        POLICY_DISPATCH_WITHIN: '2 hours',
        POLICY_REMINDER_WITHIN: '0wd',
        POLICY_AUTO_REMIND: 'maybe',
        POLICY_WARN_AT: '1.5',
        NOTIFY_QUIET_HOURS: '22-7',
        POLICY_WORKING_HOURS: '14:30-17:30,08:30-12:00',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyConfigError);
    const e = error as PolicyConfigError;
    expect(e.problems.map((p) => [p.variable, p.value])).toEqual([
      ['POLICY_DISPATCH_WITHIN', '2 hours'],
      ['POLICY_REMINDER_WITHIN', '0wd'],
      ['POLICY_AUTO_REMIND', 'maybe'],
      ['POLICY_WARN_AT', '1.5'],
      ['NOTIFY_QUIET_HOURS', '22-7'],
      ['POLICY_WORKING_HOURS', '14:30-17:30,08:30-12:00'],
    ]);
    expect(e.message).toContain(
      'POLICY_DISPATCH_WITHIN="2 hours" 无效，应为正整数加单位：s（秒）、m（分钟）、h（小时）、d（日，按自然日计）或 wd（工作日），如 90s、30m、2h、3d、1wd',
    );
    expect(e.message).toContain('POLICY_AUTO_REMIND="maybe" 无效，应为true 或 false');
    expect(e.message).toContain('POLICY_WARN_AT="1.5" 无效，应为大于0且小于1的小数');
    expect(e.message).toContain('NOTIFY_QUIET_HOURS="22-7" 无效');
  });

  it.each([
    ['POLICY_AUTO_REMIND', 'TRUE', true],
    ['POLICY_AUTO_REMIND', '0', false],
    ['POLICY_WARN_AT', '0.01', 0.01],
  ])('%s=%s', (variable, value, expected) => {
    const p = parsePolicy({ [variable]: value });
    expect(variable === 'POLICY_AUTO_REMIND' ? p.autoRemind : p.warnAt).toBe(expected);
  });

  it.each(['0', '1', '-0.5', 'abc', '0.67.1'])('rejects POLICY_WARN_AT=%s', (value) => {
    expect(() => parsePolicy({ POLICY_WARN_AT: value })).toThrow('POLICY_WARN_AT');
  });

  it('revivePolicy refuses other shapes', () => {
    expect(() => revivePolicy(null)).toThrow('schemaVersion');
    expect(() => revivePolicy({ schemaVersion: 2 })).toThrow('schemaVersion');
    expect(() => revivePolicy({ schemaVersion: 1 })).toThrow('策略数据不完整');
  });
});
