import { maskPhonesInText } from '../../libs/domain/src/phone-masking';
import { jsonLogLine, parseChildLine, parseJsonLogLine, prettyLogLines } from './log-lines';

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const COLOURS = [36, 35, 33, 32, 34, 96, 95, 93];
const LEVEL_COLOURS: Record<string, number> = { fatal: 31, error: 31, warn: 33, debug: 90 };
// Fits `[notification-2]`, the longest name with `--replicas`.
const width = 17;

/**
 * `LOG_FORMAT` of `npm start`: `pretty` (the default: one readable line per log record, with a
 * `[process]` prefix) or `json` (one JSON object a line, `"process"` in each, for a log
 * collector: the apps' lines as they wrote them, the servers' and the stack's own made JSON).
 */
export type LogFormat = 'pretty' | 'json';

export function logFormat(env: NodeJS.ProcessEnv = process.env): LogFormat {
  return env.LOG_FORMAT?.trim().toLowerCase() === 'json' ? 'json' : 'pretty';
}

export function colour(code: number, text: string): string {
  return useColour ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** A fixed-width, coloured `[name]` prefix per process, so interleaved output stays readable. */
export function prefixFor(name: string, index: number): string {
  return colour(COLOURS[index % COLOURS.length]!, `[${name}]`.padEnd(width));
}

/** What the stack prints for one line of a child process's output, phones masked. */
export function childOutputLines(
  name: string,
  prefix: string,
  line: string,
  format: LogFormat = logFormat(),
): string[] {
  if (format === 'json') return [jsonLogLine(name, parseChildLine(line))];
  const record = parseJsonLogLine(line);
  if (!record) return [`${prefix}${maskPhonesInText(line)}`];
  const code = LEVEL_COLOURS[record.level];
  return prettyLogLines(record).map(
    (text) => `${prefix}${code === undefined ? text : colour(code, text)}`,
  );
}

function stackLine(level: 'info' | 'error', message: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the colours of `colour()`
  const msg = message.replace(/\u001b\[\d+m/g, '');
  return jsonLogLine('stack', { level, time: new Date().toISOString(), msg });
}

export function say(message: string): void {
  if (logFormat() === 'json') console.log(stackLine('info', message));
  else console.log(`${colour(1, '[stack]'.padEnd(width))}${maskPhonesInText(message)}`);
}

export function shout(message: string): void {
  if (logFormat() === 'json') console.error(stackLine('error', message));
  else console.error(colour(31, `${'[stack]'.padEnd(width)}!!! ${maskPhonesInText(message)}`));
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
