/**
 * The OpenAPI 3.0 schema of a declared body (`body-schema.ts`), as plain JSON: what the
 * HTTP services document is what the reader enforces.
 */

import type { FieldSpec, ObjectField } from './body-schema';

/** The part of an OpenAPI 3.0 Schema Object that a declared body needs. */
export interface OpenApiSchema {
  readonly type: 'string' | 'boolean' | 'object';
  readonly format?: 'date-time';
  readonly enum?: readonly string[];
  readonly maxLength?: number;
  readonly default?: string;
  readonly nullable?: true;
  readonly description?: string;
  readonly example?: string;
  readonly properties?: Readonly<Record<string, OpenApiSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: false;
}

function ownSchema(spec: FieldSpec): OpenApiSchema {
  switch (spec.kind) {
    case 'text':
      return { type: 'string', maxLength: spec.max };
    case 'enum':
      return {
        type: 'string',
        enum: [...spec.values],
        ...(spec.default !== undefined && { default: spec.default }),
      };
    case 'boolean':
      // No `default` here: generated clients type a defaulted property as always present,
      // and a flag left out is still a valid body.
      return { type: 'boolean' };
    case 'instant':
      return { type: 'string', format: 'date-time' };
    case 'object':
      return openApiObjectSchema(spec);
  }
}

/** One field's schema, nested objects inline. */
export function openApiSchemaOf(spec: FieldSpec): OpenApiSchema {
  return {
    ...ownSchema(spec),
    ...(spec.nullable && { nullable: true }),
    ...(spec.description !== undefined && { description: spec.description }),
    ...(spec.example !== undefined && { example: spec.example }),
  };
}

/** Required in the document: a field that must be sent (one with a default need not). */
function mustBeSent(spec: FieldSpec): boolean {
  return spec.required === true && !('default' in spec);
}

function openApiObjectSchema(spec: ObjectField): OpenApiSchema {
  const entries = Object.entries(spec.fields);
  const required = entries.filter(([, field]) => mustBeSent(field)).map(([name]) => name);
  return {
    type: 'object',
    properties: Object.fromEntries(entries.map(([name, field]) => [name, openApiSchemaOf(field)])),
    ...(required.length > 0 && { required }),
    additionalProperties: false,
  };
}
