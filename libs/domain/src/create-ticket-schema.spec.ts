import { type OpenApiSchema, openApiSchemaOf } from './body-openapi';
import { CREATE_TICKET_BODY } from './create-ticket-schema';
import { DISPOSITION_ACTIONS } from './disposition-types';
import { TEXT_LIMITS } from './limits';
import {
  CHANNELS,
  COMPLAINT_CATEGORIES,
  type ComplaintDetails,
  type CreateTicketInput,
  type DispositionOverride,
  FLAG_NAMES,
  TICKET_TYPES,
} from './ticket';

const schema = openApiSchemaOf(CREATE_TICKET_BODY);

function property(path: string): OpenApiSchema {
  return path.split('.').reduce<OpenApiSchema>((node, name) => {
    const next = node.properties?.[name];
    if (!next) throw new Error(`no property ${path}`);
    return next;
  }, schema);
}

/** Every field of the validated input, so that a field added to it must be declared too. */
const INPUT_FIELDS: Record<keyof CreateTicketInput, true> = {
  channel: true,
  caller: true,
  type: true,
  complaint: true,
  caseNumber: true,
  content: true,
  answer: true,
  flags: true,
  ringAt: true,
  answeredAt: true,
  override: true,
  voicemailId: true,
};
const CALLER_FIELDS: Record<keyof CreateTicketInput['caller'], true> = { name: true, phone: true };
const COMPLAINT_FIELDS: Record<keyof ComplaintDetails, true> = {
  category: true,
  specificClues: true,
};
const OVERRIDE_FIELDS: Record<keyof DispositionOverride, true> = {
  action: true,
  targetId: true,
  reason: true,
};

const sorted = (names: Iterable<string>) => [...names].sort();

describe('CREATE_TICKET_BODY as OpenAPI', () => {
  it('documents every field of the create-ticket input, and no other', () => {
    expect(sorted(Object.keys(schema.properties ?? {}))).toEqual(sorted(Object.keys(INPUT_FIELDS)));
    expect(sorted(Object.keys(property('caller').properties ?? {}))).toEqual(
      sorted(Object.keys(CALLER_FIELDS)),
    );
    expect(sorted(Object.keys(property('complaint').properties ?? {}))).toEqual(
      sorted(Object.keys(COMPLAINT_FIELDS)),
    );
    expect(sorted(Object.keys(property('flags').properties ?? {}))).toEqual(sorted(FLAG_NAMES));
    expect(sorted(Object.keys(property('override').properties ?? {}))).toEqual(
      sorted(Object.keys(OVERRIDE_FIELDS)),
    );
  });

  it('refuses unknown fields at every level', () => {
    for (const path of ['', 'caller', 'complaint', 'flags', 'override']) {
      const node = path ? property(path) : schema;
      expect([path, node.type, node.additionalProperties]).toEqual([path, 'object', false]);
    }
  });

  it('lists the domain’s codes', () => {
    expect(property('channel')).toMatchObject({ type: 'string', enum: CHANNELS, default: 'phone' });
    expect(property('type').enum).toEqual(TICKET_TYPES);
    expect(property('complaint.category').enum).toEqual(COMPLAINT_CATEGORIES);
    expect(property('override.action').enum).toEqual(DISPOSITION_ACTIONS);
  });

  it.each([
    ['caller.name', TEXT_LIMITS.callerName],
    ['caller.phone', TEXT_LIMITS.phone],
    ['content', TEXT_LIMITS.content],
    ['caseNumber', TEXT_LIMITS.caseNumber],
    ['answer', TEXT_LIMITS.answer],
    ['override.targetId', TEXT_LIMITS.id],
    ['override.reason', TEXT_LIMITS.overrideReason],
    ['voicemailId', TEXT_LIMITS.id],
  ])('limits %s to %d characters', (path, max) => {
    expect(property(path)).toMatchObject({ type: 'string', maxLength: max });
  });

  it('requires what must be sent (Article 2, the type, and inside optional objects)', () => {
    expect(schema.required).toEqual(['caller', 'content', 'type']);
    expect(property('caller').required).toEqual(['name', 'phone']);
    expect(property('complaint').required).toEqual(['category']);
    expect(property('flags').required).toBeUndefined();
    expect(property('override').required).toEqual(['action', 'reason']);
  });

  it('documents which fields take null, and the instants’ format', () => {
    const nullable = (path: string) => property(path).nullable === true;
    expect(
      [
        'complaint',
        'caseNumber',
        'answer',
        'ringAt',
        'answeredAt',
        'override',
        'voicemailId',
      ].every(nullable),
    ).toBe(true);
    expect(['channel', 'caller', 'type', 'content', 'flags'].some(nullable)).toBe(false);
    expect(property('ringAt')).toMatchObject({ type: 'string', format: 'date-time' });
    expect(property('answeredAt')).toMatchObject({ type: 'string', format: 'date-time' });
  });

  it('keeps the descriptions and examples of the documented body', () => {
    expect(property('caller.phone')).toMatchObject({
      description: '大陆手机号或固定电话',
      example: '13800138000',
    });
    expect(property('flags.urgent')).toEqual({
      type: 'boolean',
      description: '过激言行或情况紧急（4.8）',
    });
    expect(property('caseNumber').example).toBe('(2026)豫0782民初1号');
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
