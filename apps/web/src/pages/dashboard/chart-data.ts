/** The metrics' breakdowns as chart rows, and their text alternatives. */

export interface BarRow {
  name: string;
  total: number;
}

interface Breakdown {
  label?: string;
  name?: string;
  total?: number;
}

/** `{ civil: { name, total } }` → rows, largest first; nameless keys keep their code. */
export function barRows(breakdown: Record<string, unknown> | null | undefined): BarRow[] {
  return Object.entries(breakdown ?? {})
    .map(([key, value]) => {
      const b = (value ?? {}) as Breakdown;
      return { name: b.label ?? b.name ?? key, total: Number(b.total ?? 0) };
    })
    .filter((row) => row.total > 0)
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));
}

export function barSummary(title: string, rows: readonly BarRow[]): string {
  if (rows.length === 0) return `${title}：暂无工单`;
  return `${title}：${rows.map((r) => `${r.name} ${r.total} 件`).join('，')}`;
}

/** `0.857` → `86%`; nothing counted → `无数据`. */
export function percentText(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '无数据' : `${Math.round(rate * 100)}%`;
}

export interface TrendPoint {
  label: string;
  rate: number | null;
}

export function trendSummary(title: string, points: readonly TrendPoint[]): string {
  if (points.length === 0) return `${title}：暂无数据`;
  return `${title}：${points.map((p) => `${p.label}周 ${percentText(p.rate)}`).join('，')}`;
}
