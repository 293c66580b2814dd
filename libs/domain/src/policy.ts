/**
 * The court's policy (RULES.md, "Policy values are configuration"): the settings of API.md,
 * read from an env-like record at start, validated all at once, and turned into a frozen,
 * JSON-serialisable value that a ticket keeps for its whole life (it travels in the
 * workflow's input).
 */

import { DURATION_FORMS, type PolicyDuration, parseDuration } from './duration';
import { parseQuietHours, QUIET_HOURS_FORMS, type QuietHours } from './quiet-hours';
import { deepFreeze } from './result';
import { parseWorkingHours, WORKING_HOURS_FORMS, type WorkingHours } from './working-hours';

export const POLICY_SCHEMA_VERSION = 1;

export interface Policy {
  /** Shape version of this value, for tickets that outlive a change of the shape. */
  readonly schemaVersion: typeof POLICY_SCHEMA_VERSION;
  /** Art. 5: receipt → dispatch of a transfer. */
  readonly dispatchWithin: PolicyDuration;
  /** Art. 7: dispatch → handler feedback. */
  readonly feedbackWithin: PolicyDuration;
  /** Art. 8: overdue → reminder (催办) sent. */
  readonly reminderWithin: PolicyDuration;
  /** Art. 8: reminder → still no feedback → bulletined (通报). */
  readonly bulletinAfter: PolicyDuration;
  /** Art. 4.8: an escalation not acknowledged → next level up. */
  readonly escalationAckWithin: PolicyDuration;
  /** Art. 10: handled → callback (回访) due. */
  readonly callbackWithin: PolicyDuration;
  /** Send the reminder automatically at overdue, or leave it to an agent. */
  readonly autoRemind: boolean;
  /** Share of the feedback window at which the yellow warning (黄灯) goes out, in (0, 1). */
  readonly warnAt: number;
  /** SMS quiet hours, null when off. */
  readonly quietHours: QuietHours | null;
  /** The court's working hours (voicemail due times, working-day deadlines). */
  readonly workingHours: WorkingHours;
}

/** The settings, their defaults, and what each accepts. */
export const POLICY_SETTINGS = {
  POLICY_DISPATCH_WITHIN: { default: '2h', forms: DURATION_FORMS },
  POLICY_FEEDBACK_WITHIN: { default: '3d', forms: DURATION_FORMS },
  POLICY_REMINDER_WITHIN: { default: '1wd', forms: DURATION_FORMS },
  POLICY_BULLETIN_AFTER: { default: '1wd', forms: DURATION_FORMS },
  POLICY_ESCALATION_ACK_WITHIN: { default: '30m', forms: DURATION_FORMS },
  POLICY_CALLBACK_WITHIN: { default: '3d', forms: DURATION_FORMS },
  POLICY_AUTO_REMIND: { default: 'true', forms: 'true 或 false' },
  POLICY_WARN_AT: { default: '0.67', forms: '大于0且小于1的小数，如 0.67' },
  NOTIFY_QUIET_HOURS: { default: '22:00-07:00', forms: QUIET_HOURS_FORMS },
  POLICY_WORKING_HOURS: { default: '08:30-12:00,14:30-17:30', forms: WORKING_HOURS_FORMS },
} as const;
export type PolicySetting = keyof typeof POLICY_SETTINGS;

export interface PolicyProblem {
  readonly variable: PolicySetting;
  readonly value: string;
  readonly message: string;
}

/** One bad policy variable as a line of a configuration error: `NAME="value" 无效，应为…`. */
export const policyProblemText = (p: PolicyProblem): string =>
  `${p.variable}=${JSON.stringify(p.value)} 无效，${p.message}`;

/**
 * Thrown at start-up when settings are bad; names every bad variable and its accepted forms, in
 * the style of @court/config's ConfigError (this library stays free of Node and Nest imports).
 */
export class PolicyConfigError extends Error {
  constructor(readonly problems: readonly PolicyProblem[]) {
    super(
      `配置错误 (invalid configuration):\n  - ${problems.map(policyProblemText).join('\n  - ')}`,
    );
    this.name = 'PolicyConfigError';
  }
}

function parseBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'true' || t === '1' || t === 'yes' || t === 'on') return true;
  if (t === 'false' || t === '0' || t === 'no' || t === 'off') return false;
  return undefined;
}

function parseWarnAt(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d*\.?\d+$/.test(t)) return undefined;
  const n = Number(t);
  return n > 0 && n < 1 ? n : undefined;
}

/**
 * Reads the policy from an env-like record (e.g. `process.env`). Unset or empty variables take
 * their defaults. Throws a `PolicyConfigError` listing every bad variable.
 */
export function parsePolicy(env: Readonly<Record<string, string | undefined>> = {}): Policy {
  const problems: PolicyProblem[] = [];
  function read<T>(variable: PolicySetting, parse: (text: string) => T | undefined): T {
    const setting = POLICY_SETTINGS[variable];
    const raw = env[variable];
    const text = raw === undefined || raw.trim() === '' ? setting.default : raw;
    const value = parse(text);
    if (value === undefined) {
      problems.push({ variable, value: text, message: `应为${setting.forms}` });
      return parse(setting.default) as T;
    }
    return value;
  }
  const duration = (text: string) => parseDuration(text) ?? undefined;
  const policy: Policy = {
    schemaVersion: POLICY_SCHEMA_VERSION,
    dispatchWithin: read('POLICY_DISPATCH_WITHIN', duration),
    feedbackWithin: read('POLICY_FEEDBACK_WITHIN', duration),
    reminderWithin: read('POLICY_REMINDER_WITHIN', duration),
    bulletinAfter: read('POLICY_BULLETIN_AFTER', duration),
    escalationAckWithin: read('POLICY_ESCALATION_ACK_WITHIN', duration),
    callbackWithin: read('POLICY_CALLBACK_WITHIN', duration),
    autoRemind: read('POLICY_AUTO_REMIND', parseBoolean),
    warnAt: read('POLICY_WARN_AT', parseWarnAt),
    quietHours: read('NOTIFY_QUIET_HOURS', parseQuietHours),
    workingHours: read('POLICY_WORKING_HOURS', (t) => parseWorkingHours(t) ?? undefined),
  };
  if (problems.length > 0) throw new PolicyConfigError(problems);
  return deepFreeze(policy);
}

/** The policy with every setting at its default. */
export const DEFAULT_POLICY: Policy = parsePolicy({});

/** Back to env form (for display and for re-reading: `parsePolicy(policyToSettings(p))`). */
export function policyToSettings(policy: Policy): Record<PolicySetting, string> {
  return {
    POLICY_DISPATCH_WITHIN: policy.dispatchWithin.text,
    POLICY_FEEDBACK_WITHIN: policy.feedbackWithin.text,
    POLICY_REMINDER_WITHIN: policy.reminderWithin.text,
    POLICY_BULLETIN_AFTER: policy.bulletinAfter.text,
    POLICY_ESCALATION_ACK_WITHIN: policy.escalationAckWithin.text,
    POLICY_CALLBACK_WITHIN: policy.callbackWithin.text,
    POLICY_AUTO_REMIND: String(policy.autoRemind),
    POLICY_WARN_AT: String(policy.warnAt),
    NOTIFY_QUIET_HOURS: policy.quietHours
      ? `${policy.quietHours.start}-${policy.quietHours.end}`
      : 'off',
    POLICY_WORKING_HOURS: policy.workingHours.map((p) => `${p.start}-${p.end}`).join(','),
  };
}

/** Re-freezes a policy that came back from JSON (a workflow input) after checking its shape. */
export function revivePolicy(value: unknown): Policy {
  const v = value as Partial<Policy> | null;
  if (typeof v !== 'object' || v === null || v.schemaVersion !== POLICY_SCHEMA_VERSION) {
    throw new Error(`不支持的策略数据（schemaVersion 应为 ${POLICY_SCHEMA_VERSION}）`);
  }
  let settings: Record<PolicySetting, string>;
  try {
    settings = policyToSettings(v as Policy);
  } catch {
    throw new Error('策略数据不完整');
  }
  return parsePolicy(settings);
}
