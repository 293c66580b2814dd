import { addCivilDays, isCivilDate, shanghaiInstant } from '@court/domain';

/** A half-open period of receipt [from, to); either bound may be absent (no bound). */
export interface Period {
  from: Date | null;
  to: Date | null;
}

export class PeriodError extends Error {
  constructor(
    readonly field: 'from' | 'to',
    message: string,
  ) {
    super(message);
    this.name = 'PeriodError';
  }
}

/**
 * `from` / `to` as API.md takes them: an ISO date (`2026-11-01`, a Shanghai calendar day, `to`
 * inclusive of that whole day) or an ISO date-time with offset (exact, `to` exclusive).
 */
export function parsePeriod(from?: string | null, to?: string | null): Period {
  const period = {
    from: from ? parseBound('from', from) : null,
    to: to ? parseBound('to', to) : null,
  };
  if (period.from && period.to && period.from.getTime() > period.to.getTime()) {
    throw new PeriodError('to', '结束时间不能早于开始时间');
  }
  return period;
}

function parseBound(field: 'from' | 'to', text: string): Date {
  const value = text.trim();
  if (isCivilDate(value)) {
    return new Date(shanghaiInstant(field === 'to' ? addCivilDays(value, 1) : value));
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return new Date(at);
  }
  throw new PeriodError(
    field,
    `${field} 应为日期（如 2026-11-01）或带时区的时间（如 2026-11-01T08:00:00+08:00）`,
  );
}
