import { appendFileSync } from 'node:fs';

/** What a figure should be: under `below`, or at least `atLeast` (in the figure's unit). */
export interface Aim {
  below?: number;
  atLeast?: number;
}

/** One measured figure, as `npm run bench` prints it beside its aim. */
export interface Figure {
  figure: string;
  value: number;
  unit: string;
  aim?: Aim;
  /** How it was measured, when the figure's name does not say (e.g. "one at a time"). */
  note?: string;
}

export interface ReportedFigure extends Figure {
  bench: string;
}

/**
 * Hands figures to `npm run bench` (bench/run-all.ts), which sets BENCH_REPORT to a file of
 * JSON lines; a bench run on its own reports nothing and prints only its own lines.
 */
export function reportFigures(bench: string, figures: Figure[]): void {
  const file = process.env.BENCH_REPORT;
  if (!file || figures.length === 0) return;
  appendFileSync(
    file,
    figures.map((figure) => `${JSON.stringify({ bench, ...figure })}\n`).join(''),
  );
}

/** Whether `value` meets `aim`; null when there is none or the value is not a number. */
export function aimMet(value: number, aim: Aim | undefined): boolean | null {
  if (!aim || !Number.isFinite(value)) return null;
  if (aim.below !== undefined && !(value < aim.below)) return false;
  if (aim.atLeast !== undefined && !(value >= aim.atLeast)) return false;
  return true;
}

function formatValue(figure: ReportedFigure): string {
  const digits = figure.value >= 100 || Number.isInteger(figure.value) ? 0 : 1;
  return `${figure.value.toFixed(digits)}${figure.unit ? ` ${figure.unit}` : ''}`;
}

function formatAim(figure: ReportedFigure): string {
  const unit = figure.unit ? ` ${figure.unit}` : '';
  if (figure.aim?.below !== undefined) return `< ${figure.aim.below}${unit}`;
  if (figure.aim?.atLeast !== undefined) return `≥ ${figure.aim.atLeast}${unit}`;
  return '—';
}

/** The figures as a Markdown table (with failed benches as rows of their own). */
export function benchTable(figures: ReportedFigure[], failed: string[]): string {
  const rows = figures.map((f) => {
    const met = aimMet(f.value, f.aim);
    return [
      f.bench,
      f.figure,
      formatValue(f),
      formatAim(f),
      met === null ? '—' : met ? 'met' : 'missed',
      f.note ?? '',
    ];
  });
  for (const name of failed) rows.push([name, 'the bench failed', '—', '—', 'missed', '']);
  const head = ['bench', 'figure', 'value', 'aim', 'result', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
