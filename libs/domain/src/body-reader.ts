/**
 * Reads a JSON value by its declaration (`body-schema.ts`): presence, type, length, allowed
 * values, defaults and unknown fields. Every problem is recorded with its field path; rules
 * that involve several fields are the caller's.
 */

import type {
  BooleanField,
  EnumField,
  FieldSpec,
  Fields,
  InstantField,
  ObjectField,
  ObjectValue,
  Read,
  TextField,
} from './body-schema';
import { charLength, type FieldError } from './result';
import { isIsoInstant } from './shanghai-time';

export type Json = Record<string, unknown>;

export function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

function pathOf(parent: string, name: string): string {
  return parent ? `${parent}.${name}` : name;
}

function readText(spec: TextField, value: unknown, field: string, errors: FieldError[]) {
  if (isAbsent(value) || (typeof value === 'string' && value.trim() === '')) {
    if (!spec.required) return null;
    errors.push({ field, message: spec.missingMessage ?? `${spec.label}不能为空` });
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.push({ field, message: `${spec.label}应为文本` });
    return undefined;
  }
  const trimmed = value.trim();
  if (charLength(trimmed) > spec.max) {
    errors.push({ field, message: `${spec.label}不能超过${spec.max}个字` });
    return undefined;
  }
  return trimmed;
}

function readEnum(spec: EnumField, value: unknown, field: string, errors: FieldError[]) {
  if (isAbsent(value) && spec.default !== undefined) return spec.default;
  if (isAbsent(value) && !spec.required) return null;
  const allowed = spec.values.join(' | ');
  // An empty code is a missing one, even where absence would take the default.
  if (isAbsent(value) || value === '') {
    errors.push({ field, message: `${spec.label}不能为空，应为 ${allowed} 之一` });
    return undefined;
  }
  if (typeof value !== 'string' || !spec.values.includes(value)) {
    errors.push({ field, message: `${spec.label}“${String(value)}”无效，应为 ${allowed} 之一` });
    return undefined;
  }
  return value;
}

function readBoolean(spec: BooleanField, value: unknown, field: string, errors: FieldError[]) {
  if (isAbsent(value)) return spec.default ?? null;
  if (typeof value !== 'boolean') {
    errors.push({ field, message: `${spec.label}应为 true 或 false` });
    return undefined;
  }
  return value;
}

function readInstant(spec: InstantField, value: unknown, field: string, errors: FieldError[]) {
  if (isAbsent(value) || value === '') return null;
  if (typeof value !== 'string' || !isIsoInstant(value)) {
    errors.push({
      field,
      message: `${spec.label}应为带时区的ISO 8601时间，如 2026-11-28T09:00:00+08:00`,
    });
    return undefined;
  }
  return value.trim();
}

/** The value of an absent object whose every field has a default; undefined otherwise. */
function defaultsOf<F extends Fields>(spec: ObjectField<F>): ObjectValue<F> | undefined {
  const entries = Object.entries(spec.fields).map(
    ([name, field]) => [name, 'default' in field ? field.default : undefined] as const,
  );
  if (entries.length === 0 || entries.some(([, value]) => value === undefined)) return undefined;
  return Object.fromEntries(entries) as ObjectValue<F>;
}

/** Reads the declared fields of an object (not its unknown ones: see `unknownFieldErrors`). */
export function readFields<F extends Fields>(
  fields: F,
  value: Json,
  parent: string,
  errors: FieldError[],
): ObjectValue<F> {
  const read: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(fields)) {
    read[name] = readField(spec, value[name], pathOf(parent, name), errors);
  }
  return read as ObjectValue<F>;
}

/** One problem per field of `value` that `fields` does not declare. */
export function unknownFieldErrors(fields: Fields, value: Json, parent: string): FieldError[] {
  return Object.keys(value)
    .filter((name) => !Object.hasOwn(fields, name))
    .map((name) => {
      const field = pathOf(parent, name);
      return { field, message: `不接受未定义的字段“${field}”` };
    });
}

/**
 * A nested object. Missing and required, its required fields are reported missing; missing
 * and optional, it reads as its defaults when all its fields have one, else as null.
 */
export function readObject<F extends Fields>(
  spec: ObjectField<F>,
  value: unknown,
  field: string,
  errors: FieldError[],
): Read<ObjectField<F>> {
  if (!isJsonObject(value)) {
    if (!isAbsent(value)) {
      errors.push({ field, message: spec.notObjectMessage ?? `${spec.label}应为对象` });
    }
    if (spec.required) {
      const missing = readFields(spec.fields, {}, field, errors);
      return isAbsent(value) ? missing : undefined;
    }
    return isAbsent(value) ? (defaultsOf(spec) ?? null) : undefined;
  }
  const read = readFields(spec.fields, value, field, errors);
  errors.push(...unknownFieldErrors(spec.fields, value, field));
  return read;
}

/** Reads one field by its declaration, recording its problems under `field`. */
export function readField<S extends FieldSpec>(
  spec: S,
  value: unknown,
  field: string,
  errors: FieldError[],
): Read<S>;
export function readField(spec: FieldSpec, value: unknown, field: string, errors: FieldError[]) {
  switch (spec.kind) {
    case 'text':
      return readText(spec, value, field, errors);
    case 'enum':
      return readEnum(spec, value, field, errors);
    case 'boolean':
      return readBoolean(spec, value, field, errors);
    case 'instant':
      return readInstant(spec, value, field, errors);
    case 'object':
      return readObject(spec, value, field, errors);
  }
}

/** Every field path the declaration names, parents before their fields, in declared order. */
export function declaredPaths(fields: Fields, parent = ''): string[] {
  return Object.entries(fields).flatMap(([name, spec]) => {
    const path = pathOf(parent, name);
    return spec.kind === 'object' ? [path, ...declaredPaths(spec.fields, path)] : [path];
  });
}
