import type { INestApplication } from '@nestjs/common';
import {
  ApiBody,
  DocumentBuilder,
  type OpenAPIObject,
  type SchemaObject,
  SwaggerModule,
} from '@nestjs/swagger';

/** Request bodies declared as OpenAPI schemas rather than DTO classes, by component name. */
const declaredBodies = new Map<string, SchemaObject>();

/**
 * `@ApiBody` for a body declared as a plain OpenAPI schema (the domain's declaration, not a
 * DTO class): the route refers to the component `name`, which `createApiDocument` adds.
 */
export function ApiDeclaredBody(name: string, schema: object): MethodDecorator {
  const known = declaredBodies.get(name);
  if (known !== undefined && known !== schema) {
    throw new Error(`OpenAPI component ${name} is declared twice with different schemas`);
  }
  declaredBodies.set(name, schema as SchemaObject);
  return ApiBody({ schema: { $ref: `#/components/schemas/${name}` } });
}

/**
 * A service's OpenAPI document: its DTOs, and the declared bodies its routes refer to (only
 * those, since one process may load the controllers of several services).
 */
export function createApiDocument(app: INestApplication, title: string): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(title).setVersion('1').addBearerAuth().build(),
  );
  const paths = JSON.stringify(document.paths);
  const referred = [...declaredBodies].filter(([name]) =>
    paths.includes(JSON.stringify(`#/components/schemas/${name}`)),
  );
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...Object.fromEntries(referred) },
  };
  return document;
}
