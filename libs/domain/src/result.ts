/**
 * Shared result and error shapes of the domain. A validation never throws: it returns the
 * list of problems, each naming the field path the HTTP layer reports (`caller.phone`).
 */

/** One problem with one field of an input, as the API reports it in `errors`. */
export interface FieldError {
  /** Path of the field in the request body, e.g. `caller.phone`, `complaint.category`. */
  readonly field: string;
  /** What is wrong, in Chinese, for the agent. */
  readonly message: string;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(errors: readonly FieldError[]): Result<T> {
  return { ok: false, errors };
}

/** Deep-freezes a plain JSON-like value (objects and arrays) and returns it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}

/** Length in characters as a person counts them (code points, so 𠮷 counts once). */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
