import { maskPhonesInJsonLine, maskPhonesInText } from '../../libs/domain/src/phone-masking';

/** One line of a process's output as a log record (pino's field names). */
export interface LogRecord {
  level: string;
  time: string;
  msg: string;
  [field: string]: unknown;
}

/** pino's numeric levels, for JSON from a logger left at its defaults. */
const PINO_LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

function levelOf(raw: unknown): string {
  if (typeof raw === 'number') return PINO_LEVELS[raw] ?? 'info';
  const level = typeof raw === 'string' ? raw.toLowerCase() : 'info';
  return level === 'warning' ? 'warn' : level;
}

/** A line that is a JSON object (ours, the Temporal CLI's), as a record; else null. */
export function parseJsonLogLine(line: string, now = new Date()): LogRecord | null {
  if (!line.startsWith('{')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  // The Temporal CLI writes `time`; zap-style loggers `ts`; some `message`.
  const { level, time, ts, msg, message, ...fields } = parsed as Record<string, unknown>;
  return {
    level: levelOf(level),
    time: typeof time === 'string' ? time : typeof ts === 'string' ? ts : now.toISOString(),
    msg: String(msg ?? message ?? ''),
    ...fields,
  };
}

const LOGFMT_PAIR = /([\w.-]+)=("(?:[^"\\]|\\.)*"|\S*)/g;

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  try {
    return JSON.parse(value) as string;
  } catch {
    return value.slice(1, -1);
  }
}

/** Go's slog text handler (the FerretDB launcher; the Temporal CLI with `--log-format text`). */
function fromLogfmt(line: string, now: Date): LogRecord | null {
  if (!/^time=\S+ level=\S+ msg=/.test(line)) return null;
  const pairs: Record<string, string> = {};
  for (const [, key, value] of line.matchAll(LOGFMT_PAIR)) pairs[key!] = unquote(value!);
  const { time, level, msg, ...fields } = pairs;
  const when = Date.parse(time ?? '');
  return {
    level: levelOf(level),
    time: Number.isNaN(when) ? now.toISOString() : new Date(when).toISOString(),
    msg: msg ?? '',
    ...fields,
  };
}

/** A line of a child's output as a record: its own JSON, slog text, or plain text (info). */
export function parseChildLine(line: string, now = new Date()): LogRecord {
  return (
    parseJsonLogLine(line, now) ??
    fromLogfmt(line, now) ?? { level: 'info', time: now.toISOString(), msg: line }
  );
}

/**
 * One JSON line for IT's log stream: `level`, `time`, the stack's `process` name
 * (`intake-2`), then the record's fields, phones masked. A foreign `service` (the Temporal
 * server's own "worker", "history" …) becomes `component`, so that `service` always names
 * one of ours.
 */
export function jsonLogLine(processName: string, record: LogRecord): string {
  const { level, time, msg, service, ...fields } = record;
  const ours = service === undefined || service === processName.replace(/-\d+$/, '');
  const line = {
    level,
    time,
    process: processName,
    ...(service === undefined ? {} : ours ? { service } : { component: service }),
    ...fields,
    msg,
  };
  return maskPhonesInJsonLine(JSON.stringify(line));
}

/** In the access line's message already (`GET /api/tickets/:id 200 4ms`). */
const SAID_IN_MESSAGE = new Set(['method', 'route', 'path', 'status', 'durationMs']);
const NOT_SHOWN = new Set(['level', 'time', 'msg', 'service', 'context', 'err', 'pid', 'hostname']);

function shortTime(time: string): string {
  const when = new Date(time);
  if (Number.isNaN(when.getTime())) return time;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(when.getHours())}:${pad(when.getMinutes())}:${pad(when.getSeconds())}.${pad(when.getMilliseconds(), 3)}`;
}

interface ErrorRecord {
  type?: string;
  message?: string;
  stack?: string;
  cause?: ErrorRecord;
}

function errorLines(error: ErrorRecord | undefined, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 8) return [];
  const head = error.stack ?? `${error.type ?? 'Error'}: ${error.message ?? ''}`;
  const lines = head.split('\n').map((line) => `    ${line.trimStart()}`);
  if (depth > 0) lines[0] = `  caused by: ${lines[0]!.trimStart()}`;
  return [...lines, ...errorLines(error.cause, depth + 1)];
}

/**
 * A record for a person at a terminal: `09:00:00.123 INFO  [Context] message key=value`, and
 * an error's stack and causes on the lines below.
 */
export function prettyLogLines(record: LogRecord): string[] {
  const fields = Object.entries(record)
    .filter(([key, value]) => value !== undefined && !NOT_SHOWN.has(key))
    .filter(([key]) => !(SAID_IN_MESSAGE.has(key) && 'durationMs' in record))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const context = typeof record.context === 'string' ? `[${record.context}] ` : '';
  const head = [
    shortTime(record.time),
    record.level.toUpperCase().padEnd(5),
    `${context}${record.msg}`,
    ...fields,
  ].join(' ');
  return [head, ...errorLines(record.err as ErrorRecord | undefined)].map(maskPhonesInText);
}
