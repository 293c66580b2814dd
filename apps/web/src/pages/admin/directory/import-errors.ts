/** `rows[3].案号` → row 3, column 案号; `header`, `file` as they are. */
export function rowOf(field: string): { row: number | null; column: string } {
  const m = /^rows\[(\d+)\]\.(.+)$/.exec(field);
  if (m) return { row: Number(m[1]), column: m[2]! };
  return { row: null, column: field === 'header' ? '表头' : field === 'file' ? '文件' : field };
}
