import { CELL_LABELS, type MonthLayout } from './calendar-layout';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** One month as a table, Monday first; each day says its kind to a screen reader. */
export function MonthGrid({ year, layout }: { year: number; layout: MonthLayout }) {
  return (
    <table className="cal-month">
      <caption>
        {year}年{layout.month}月
      </caption>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col" abbr={`星期${d}`}>
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {layout.weeks.map((week) => (
          <tr key={week.find(Boolean)?.date}>
            {week.map((cell, i) =>
              cell ? (
                <td
                  key={cell.date}
                  className={`cal-day cal-${cell.kind}`}
                  title={cell.name ?? CELL_LABELS[cell.kind]}
                >
                  <span aria-hidden="true">{cell.day}</span>
                  <span className="visually-hidden">
                    {layout.month}月{cell.day}日 {CELL_LABELS[cell.kind]}
                    {cell.name ? ` ${cell.name}` : ''}
                  </span>
                  {(cell.kind === 'holiday' || cell.kind === 'makeup') && (
                    <span className="cal-mark" aria-hidden="true">
                      {cell.kind === 'holiday' ? '休' : '班'}
                    </span>
                  )}
                </td>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: blank cells have no identity
                <td key={`blank-${i}`} />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
