import { createApiDocument } from '@court/common';
import { CREATE_TICKET_BODY, openApiSchemaOf } from '@court/domain';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { IntakeModule } from '../intake.module';

/** The intake's document as scripts/export-openapi.ts builds it (preview: no providers run). */
async function intakeDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestExpressApplication>(IntakeModule, {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return createApiDocument(app, 'intake');
  } finally {
    await app.close();
  }
}

describe('the create-ticket body in the intake OpenAPI document', () => {
  let document: OpenAPIObject;
  beforeAll(async () => {
    document = await intakeDocument();
  });

  it('is the component CreateTicketDto, the domain declaration’s schema', () => {
    expect(document.components?.schemas?.CreateTicketDto).toEqual(
      openApiSchemaOf(CREATE_TICKET_BODY),
    );
  });

  it.each([
    ['/api/tickets', 'post'],
    ['/api/tickets/proposal', 'post'],
  ] as const)('%s refers to it as its JSON body', (path, method) => {
    expect(document.paths[path][method]?.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateTicketDto' } } },
    });
  });

  it('documents no other create-ticket component (the DTO classes are gone)', () => {
    const names = Object.keys(document.components?.schemas ?? {});
    expect(names).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(Caller|Complaint|Flags|Override)Dto$/)]),
    );
  });
});
