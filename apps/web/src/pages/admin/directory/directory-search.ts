/** Filtering the directory's tables by a typed search. */

/** Whether any of the values contains every word of the query (case-insensitive). */
export function matchesQuery(
  query: string,
  values: readonly (string | null | undefined)[],
): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = values
    .filter((v): v is string => !!v)
    .join(' ')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

export function filterBy<T>(
  rows: readonly T[],
  query: string,
  fields: (row: T) => readonly (string | null | undefined)[],
): T[] {
  return rows.filter((row) => matchesQuery(query, fields(row)));
}
