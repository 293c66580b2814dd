import { join, resolve } from 'node:path';
import { ConfigError } from '@court/config';
import {
  DEFAULT_POLICY,
  PolicyConfigError,
  parsePolicy,
  policyProblemText,
  type WorkingHours,
} from '@court/domain';
import { TASK_QUEUES } from '@court/temporal';
import type { LoginLimits } from './auth/login-throttle';

/** The intake's own settings (beyond the shared service config), read from the environment. */
export interface IntakeSettings {
  /** Task queue the ticket and voicemail workflows are started on (`TICKETS_TASK_QUEUE`). */
  ticketsTaskQueue: string;
  /** Seed the demo data of API.md on start (`DEMO_SEED`; default on, off in production). */
  demoSeed: boolean;
  /** Password of every demo account (`DEMO_PASSWORD`). */
  demoPassword: string;
  /** Failed-login limits: per-account back-off, per-address window. */
  login: Required<LoginLimits>;
  /** How long audit entries are kept (`AUDIT_RETENTION_DAYS`, default 1095 = 3 years). */
  auditRetentionDays: number;
  /** How long an `Idempotency-Key` is remembered (`IDEMPOTENCY_TTL_DAYS`, default 7). */
  idempotencyTtlDays: number;
  /** The largest ticket attachment accepted, bytes (`ATTACHMENT_MAX_BYTES`, default 20 MB). */
  attachmentMaxBytes: number;
  /**
   * Where ticket attachments are kept, absolute (`ATTACHMENTS_DIR`; default
   * `<DATA_DIR>/attachments`, or `data/attachments` under the working directory).
   */
  attachmentsDir: string;
  /**
   * The court's working hours, as the tickets' policy reads them (`POLICY_WORKING_HOURS`; the
   * whole policy is validated): when a voicemail left outside them is due.
   */
  workingHours: WorkingHours;
}

export const INTAKE_SETTINGS = Symbol('INTAKE_SETTINGS');

export const DEMO_PASSWORD_DEFAULT = 'demo12368';

function positiveInt(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  problems: string[],
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    problems.push(`${name}="${raw}" must be a positive whole number`);
    return fallback;
  }
  return value;
}

/** The policy's working hours; a bad policy variable is a problem like any other. */
function workingHours(env: NodeJS.ProcessEnv, problems: string[]): WorkingHours {
  try {
    return parsePolicy(env).workingHours;
  } catch (error) {
    if (!(error instanceof PolicyConfigError)) throw error;
    problems.push(...error.problems.map(policyProblemText));
    return DEFAULT_POLICY.workingHours;
  }
}

/** 20 MB: the default of `ATTACHMENT_MAX_BYTES`. */
export const ATTACHMENT_MAX_BYTES_DEFAULT = 20 * 1024 * 1024;

/** `ATTACHMENTS_DIR`, else `attachments` in `DATA_DIR`, else `data/attachments`; made absolute. */
function attachmentsDir(env: NodeJS.ProcessEnv): string {
  const dir = env.ATTACHMENTS_DIR?.trim();
  if (dir) return resolve(dir);
  const dataDir = env.DATA_DIR?.trim();
  return resolve(dataDir ? join(dataDir, 'attachments') : join('data', 'attachments'));
}

function isProduction(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV?.trim().toLowerCase() === 'production';
}

/**
 * Why this environment must not start (pure): in production (`NODE_ENV=production`) no demo
 * accounts exist, so a service told to seed them (`DEMO_SEED=true`) — which would mean the
 * publicly known demo password, or one set beside it — refuses. Outside production the demo
 * seed is the default. Empty when fine.
 */
export function seedingProblems(env: NodeJS.ProcessEnv): string[] {
  if (!isProduction(env) || !seedRequested(env)) return [];
  const password = env.DEMO_PASSWORD;
  const demoPassword = !password || password === DEMO_PASSWORD_DEFAULT;
  return [
    `NODE_ENV=production 下不写入演示数据，拒绝启动：DEMO_SEED=${env.DEMO_SEED?.trim()} 会创建演示账号${
      demoPassword ? '，且使用公开的演示密码 demo12368（DEMO_PASSWORD 未设置或等于它）' : ''
    }。请去掉 DEMO_SEED（生产环境默认不写入），并用 npm run create-admin 创建第一个管理员 ` +
      '(refusing to start: demo data is never seeded in production)',
  ];
}

const OFF = new Set(['false', '0', 'no', 'off']);

/** `DEMO_SEED` set to anything but false / 0 / no / off. */
function seedRequested(env: NodeJS.ProcessEnv): boolean {
  const seed = env.DEMO_SEED?.trim().toLowerCase();
  return !!seed && !OFF.has(seed);
}

export function loadIntakeSettings(env: NodeJS.ProcessEnv = process.env): IntakeSettings {
  const problems = seedingProblems(env);
  const seed = env.DEMO_SEED?.trim().toLowerCase();
  const settings: IntakeSettings = {
    ticketsTaskQueue: env.TICKETS_TASK_QUEUE?.trim() || TASK_QUEUES.tickets,
    demoSeed: seedRequested(env) || (!seed && !isProduction(env)),
    demoPassword: env.DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT,
    login: {
      maxPerUser: positiveInt(env, 'LOGIN_MAX_FAILURES_PER_USER', 10, problems),
      maxPerAddress: positiveInt(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 100, problems),
      windowMs: positiveInt(env, 'LOGIN_LOCKOUT_SECONDS', 900, problems) * 1000,
      backoffBaseMs: positiveInt(env, 'LOGIN_BACKOFF_BASE_SECONDS', 1, problems) * 1000,
      backoffMaxMs: positiveInt(env, 'LOGIN_BACKOFF_MAX_SECONDS', 300, problems) * 1000,
    },
    auditRetentionDays: positiveInt(env, 'AUDIT_RETENTION_DAYS', 1095, problems),
    idempotencyTtlDays: positiveInt(env, 'IDEMPOTENCY_TTL_DAYS', 7, problems),
    attachmentMaxBytes: positiveInt(
      env,
      'ATTACHMENT_MAX_BYTES',
      ATTACHMENT_MAX_BYTES_DEFAULT,
      problems,
    ),
    attachmentsDir: attachmentsDir(env),
    workingHours: workingHours(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return settings;
}
