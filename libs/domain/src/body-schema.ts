/**
 * The vocabulary in which a request body is declared once: each field's kind, whether it is
 * required, its limit or allowed values, and the Chinese label its messages name. The same
 * declaration drives the validation (`body-reader.ts`) and the OpenAPI schema
 * (`body-openapi.ts`), so the documented and the enforced body cannot drift apart.
 */

interface FieldBase {
  /** The name of the field in messages, e.g. `来电人姓名`. */
  readonly label: string;
  /** Must be present (for an object: its required fields are reported when it is missing). */
  readonly required?: boolean;
  /** Documented as accepting null. The reader reads null as absent for every field. */
  readonly nullable?: boolean;
  readonly description?: string;
  readonly example?: string;
}

/** Free text: trimmed, whitespace only counts as missing, at most `max` characters. */
export interface TextField extends FieldBase {
  readonly kind: 'text';
  readonly max: number;
  /** The message when a required text is missing (default: `<label>不能为空`). */
  readonly missingMessage?: string;
}

/** One of a list of codes; absent, it takes its default when it has one. */
export interface EnumField<T extends string = string> extends FieldBase {
  readonly kind: 'enum';
  readonly values: readonly T[];
  readonly default?: T;
}

export interface BooleanField extends FieldBase {
  readonly kind: 'boolean';
  readonly default?: boolean;
}

/** An ISO 8601 instant with its offset, e.g. `2026-11-28T09:00:00+08:00`. */
export interface InstantField extends FieldBase {
  readonly kind: 'instant';
}

/** A nested object; fields it does not declare are refused. */
export interface ObjectField<F extends Fields = Fields> extends FieldBase {
  readonly kind: 'object';
  readonly fields: F;
  /** The message when the value is not an object (default: `<label>应为对象`). */
  readonly notObjectMessage?: string;
}

export type FieldSpec = TextField | EnumField | BooleanField | InstantField | ObjectField;

/** Declared fields by name, in the order their problems are reported. */
export type Fields = Readonly<Record<string, FieldSpec>>;

/** The value a field reads as when it is valid and present. */
export type FieldValue<S> =
  S extends ObjectField<infer F>
    ? ObjectValue<F>
    : S extends EnumField<infer T>
      ? T
      : S extends BooleanField
        ? boolean
        : string;

/** A field as read: its value, null when absent (and without default), undefined when invalid. */
export type Read<S> = FieldValue<S> | null | undefined;

export type ObjectValue<F extends Fields> = { readonly [K in keyof F]: Read<F[K]> };
