import { TASK_QUEUES } from '@court/temporal';

/** The intake's own settings (beyond the shared service config), read from the environment. */
export interface IntakeSettings {
  /** Task queue the ticket and voicemail workflows are started on (`TICKETS_TASK_QUEUE`). */
  ticketsTaskQueue: string;
  /** Seed the demo data of API.md on start (`DEMO_SEED`, default on; `false` turns it off). */
  demoSeed: boolean;
  /** Password of every demo account (`DEMO_PASSWORD`). */
  demoPassword: string;
  /** Failed logins allowed per account, and per client address, within the window. */
  login: { maxPerUser: number; maxPerAddress: number; windowMs: number };
}

export const INTAKE_SETTINGS = Symbol('INTAKE_SETTINGS');

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name}="${raw}" must be a positive whole number`);
  }
  return value;
}

export function loadIntakeSettings(env: NodeJS.ProcessEnv = process.env): IntakeSettings {
  return {
    ticketsTaskQueue: env.TICKETS_TASK_QUEUE?.trim() || TASK_QUEUES.tickets,
    demoSeed: env.DEMO_SEED?.trim().toLowerCase() !== 'false',
    demoPassword: env.DEMO_PASSWORD || 'demo12368',
    login: {
      maxPerUser: positiveInt(env, 'LOGIN_MAX_FAILURES_PER_USER', 10),
      maxPerAddress: positiveInt(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 100),
      windowMs: positiveInt(env, 'LOGIN_LOCKOUT_SECONDS', 900) * 1000,
    },
  };
}
