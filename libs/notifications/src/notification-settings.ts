import { ConfigError, readSecret } from '@court/config';
import { durationToMs, parseDuration } from '@court/domain';
import { AliyunSmsProvider, type AliyunSmsSettings } from './sms/aliyun-sms.provider';
import { OutboxSmsProvider, type SmsProvider } from './sms/sms-provider';
import { DEFAULT_SMS_RETRY, type SmsRetryPolicy } from './sms/sms-retry';

type Env = Record<string, string | undefined>;

export const DEFAULT_PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

export type SmsProviderSettings = { kind: 'outbox' } | ({ kind: 'aliyun' } & AliyunSmsSettings);

/** What the notification service reads from its environment (validated at start). */
export interface NotificationSettings {
  sms: SmsProviderSettings;
  /** Where links in notices point (the intake service serves the web UI). */
  publicBaseUrl: string;
  /**
   * A claim older than this, by another process, whose send never finished, is taken as
   * interrupted (longer than any provider call may take).
   */
  staleClaimMs: number;
  /** SMS_MAX_ATTEMPTS, SMS_RETRY_BACKOFF: retries of an SMS the provider refused for now. */
  smsRetry: SmsRetryPolicy;
  /** The SSE notice feed: NOTIFY_STREAM_CATCHUP_MS, NOTIFY_STREAM_LOOKBACK_MS. */
  stream: { catchupMs: number; lookBackMs: number };
  /**
   * NOTIFY_CALLER_RECEIPT: whether a transfer's SMS receipt goes to the caller (default on;
   * `false`, `0`, `no`, `off` turn it off).
   */
  callerReceipt: boolean;
}

/** `dispatch=SMS_1,warning=SMS_2` or a JSON object `{"dispatch":"SMS_1"}`. */
export function parseTemplateCodes(text: string): Record<string, string> | null {
  const t = text.trim();
  if (t === '') return {};
  if (t.startsWith('{')) {
    try {
      const parsed = JSON.parse(t) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
      const entries = Object.entries(parsed as Record<string, unknown>);
      if (entries.some(([, v]) => typeof v !== 'string' || v === '')) return null;
      return Object.fromEntries(entries) as Record<string, string>;
    } catch {
      return null;
    }
  }
  const codes: Record<string, string> = {};
  for (const part of t.split(',')) {
    const m = /^\s*([a-z_]+)\s*=\s*(\S+)\s*$/.exec(part);
    if (!m) return null;
    codes[m[1]!] = m[2]!;
  }
  return codes;
}

const ON = new Set(['true', '1', 'yes', 'on']);
const OFF = new Set(['false', '0', 'no', 'off']);

export function loadNotificationSettings(env: Env = process.env): NotificationSettings {
  const problems: string[] = [];
  const read = (name: string, fallback = '') => env[name]?.trim() || fallback;

  const publicBaseUrl = read('PUBLIC_BASE_URL', DEFAULT_PUBLIC_BASE_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/\S+$/.test(publicBaseUrl)) {
    problems.push(`PUBLIC_BASE_URL="${publicBaseUrl}" must be an http(s) URL`);
  }

  const provider = read('SMS_PROVIDER', 'outbox');
  let sms: SmsProviderSettings = { kind: 'outbox' };
  if (provider === 'aliyun') {
    const required = (name: string) => {
      const value = read(name);
      if (!value) problems.push(`${name} is required when SMS_PROVIDER=aliyun`);
      return value;
    };
    const protocol = read('ALIYUN_SMS_PROTOCOL', 'https');
    if (protocol !== 'https' && protocol !== 'http') {
      problems.push(`ALIYUN_SMS_PROTOCOL="${protocol}" must be https or http`);
    }
    const templateCodes = parseTemplateCodes(read('ALIYUN_SMS_TEMPLATE_CODES'));
    if (!templateCodes) {
      problems.push(
        'ALIYUN_SMS_TEMPLATE_CODES must be kind=SMS_code pairs separated by commas, or a JSON object',
      );
    }
    const timeoutMs = Number(read('ALIYUN_SMS_TIMEOUT_MS', '10000'));
    if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000) {
      problems.push('ALIYUN_SMS_TIMEOUT_MS must be an integer from 100 to 60000');
    }
    sms = {
      kind: 'aliyun',
      accessKeyId: required('ALIYUN_SMS_ACCESS_KEY_ID'),
      accessKeySecret:
        readSecret(env, 'ALIYUN_SMS_ACCESS_KEY_SECRET', problems) ??
        required('ALIYUN_SMS_ACCESS_KEY_SECRET'),
      endpoint: read('ALIYUN_SMS_ENDPOINT', 'dysmsapi.aliyuncs.com'),
      protocol: protocol === 'http' ? 'http' : 'https',
      signName: required('ALIYUN_SMS_SIGN_NAME'),
      templateCodes: templateCodes ?? {},
      timeoutMs,
    };
  } else if (provider !== 'outbox') {
    problems.push(`SMS_PROVIDER="${provider}" must be outbox or aliyun`);
  }

  const integer = (name: string, fallback: number, min: number, max: number) => {
    const value = Number(read(name, String(fallback)));
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    problems.push(`${name} must be an integer from ${min} to ${max}`);
    return fallback;
  };
  const maxAttempts = integer('SMS_MAX_ATTEMPTS', DEFAULT_SMS_RETRY.maxAttempts, 1, 20);
  const backoff = parseDuration(read('SMS_RETRY_BACKOFF', '1m'));
  if (!backoff || backoff.unit === 'wd' || durationToMs(backoff) > 6 * 3_600_000) {
    problems.push('SMS_RETRY_BACKOFF must be a duration such as 30s, 1m or 5m (at most 6h)');
  }
  const backoffMs =
    backoff && backoff.unit !== 'wd' ? durationToMs(backoff) : DEFAULT_SMS_RETRY.backoffMs;
  const catchupMs = integer('NOTIFY_STREAM_CATCHUP_MS', 5_000, 100, 600_000);
  const lookBackMs = integer('NOTIFY_STREAM_LOOKBACK_MS', 5_000, 100, 600_000);
  const callerReceiptText = read('NOTIFY_CALLER_RECEIPT', 'true').toLowerCase();
  if (!ON.has(callerReceiptText) && !OFF.has(callerReceiptText)) {
    problems.push(
      `NOTIFY_CALLER_RECEIPT="${callerReceiptText}" must be true or false (also 1/0, yes/no, on/off)`,
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);
  const timeoutMs = sms.kind === 'aliyun' ? sms.timeoutMs : 10_000;
  return {
    sms,
    publicBaseUrl,
    staleClaimMs: Math.max(60_000, timeoutMs * 3),
    smsRetry: {
      maxAttempts,
      backoffMs,
      maxBackoffMs: Math.max(backoffMs, DEFAULT_SMS_RETRY.maxBackoffMs),
    },
    stream: { catchupMs, lookBackMs },
    callerReceipt: !OFF.has(callerReceiptText),
  };
}

export function createSmsProvider(settings: SmsProviderSettings): SmsProvider {
  return settings.kind === 'aliyun' ? new AliyunSmsProvider(settings) : new OutboxSmsProvider();
}
