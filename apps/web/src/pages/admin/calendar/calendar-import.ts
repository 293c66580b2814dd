import type { CalendarDay } from './calendar-layout';

/**
 * The year's official schedule from a file: JSON (`{ days: [...] }` or an array) or CSV lines
 * `date,kind,name` (kind `holiday`/`workday`, or 休/班). Problems are listed by line so the
 * admin can fix the file; the server checks again.
 */
export interface ParsedSchedule {
  days: CalendarDay[];
  problems: string[];
}

const KIND_WORDS: Record<string, CalendarDay['kind']> = {
  holiday: 'holiday',
  休: 'holiday',
  假: 'holiday',
  节假日: 'holiday',
  workday: 'workday',
  班: 'workday',
  上班: 'workday',
  调休上班: 'workday',
};

function check(
  year: number,
  raw: { date?: unknown; kind?: unknown; name?: unknown },
  where: string,
) {
  const problems: string[] = [];
  const date = typeof raw.date === 'string' ? raw.date.trim() : '';
  const kind = KIND_WORDS[String(raw.kind ?? '').trim()];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    problems.push(`${where}：日期应为 YYYY-MM-DD`);
  } else if (!date.startsWith(`${year}-`)) {
    problems.push(`${where}：${date} 不在 ${year} 年内`);
  }
  if (!kind) problems.push(`${where}：类别应为 holiday（休）或 workday（班）`);
  const name = typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim() : null;
  return { day: kind ? { date, kind, name } : null, problems };
}

function rowsOf(text: string): { raw: Record<string, unknown>; where: string }[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = JSON.parse(trimmed) as unknown;
    const list = Array.isArray(json) ? json : (json as { days?: unknown }).days;
    if (!Array.isArray(list)) throw new Error('JSON 中没有 days 列表');
    return list.map((raw, i) => ({ raw: raw as Record<string, unknown>, where: `第 ${i + 1} 项` }));
  }
  return trimmed
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), where: `第 ${i + 1} 行` }))
    .filter(({ line }) => line && !/^date\s*,/i.test(line) && !line.startsWith('日期'))
    .map(({ line, where }) => {
      const [date, kind, ...name] = line.split(/[,，\t]/);
      return { raw: { date, kind, name: name.join(',') }, where };
    });
}

export function parseSchedule(text: string, year: number): ParsedSchedule {
  let rows: ReturnType<typeof rowsOf>;
  try {
    rows = rowsOf(text);
  } catch (error) {
    return { days: [], problems: [`文件无法解析：${(error as Error).message}`] };
  }
  const days: CalendarDay[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { raw, where } of rows) {
    const result = check(year, raw, where);
    problems.push(...result.problems);
    if (!result.day || result.problems.length > 0) continue;
    if (seen.has(result.day.date)) {
      problems.push(`${where}：${result.day.date} 重复`);
      continue;
    }
    seen.add(result.day.date);
    days.push(result.day);
  }
  if (rows.length === 0) problems.push('文件中没有日期');
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { days, problems };
}
