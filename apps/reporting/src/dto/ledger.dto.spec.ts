import 'reflect-metadata';
import { type LedgerDoc, ledgerItem } from '../../../../activities/reporting/ledger-rows';
import {
  LedgerCallbackDto,
  LedgerCallerDto,
  LedgerDispositionDto,
  LedgerFeedbackDto,
  LedgerNamedDto,
  LedgerPageDto,
  LedgerRowDto,
  LedgerTargetDto,
} from './ledger.dto';

/** The names OpenAPI documents for a response class (inherited ones included). */
function documentedFields(dto: abstract new () => unknown): string[] {
  const names: string[] = Reflect.getMetadata('swagger/apiModelPropertiesArray', dto.prototype);
  return names.map((name) => name.replace(/^:/, '')).sort();
}

const keysOf = (value: object | null | undefined) => Object.keys(value ?? {}).sort();

const names = { department: (id: string) => `部门${id}`, person: (id: string) => `人员${id}` };

/** A ticket with every part a ledger row shows filled in, so no nested object is null. */
const doc: LedgerDoc = {
  _id: 'T20261102-0001',
  type: 'complaint',
  channel: 'phone',
  caller: { name: '张三', phone: '13800138000' },
  caseNumber: '(2026)豫0782民初1号',
  content: '反映立案庭拖延立案',
  status: 'closed',
  redLight: false,
  disposition: {
    action: 'transfer',
    rule: '4.5',
    target: { id: 'head-filing', name: '吴立新', role: 'handler' },
    departmentId: 'filing',
  },
  handlerId: 'head-filing',
  departmentId: 'filing',
  deadlines: { feedbackBy: new Date('2026-11-05T01:00:00Z') },
  receivedAt: new Date('2026-11-02T01:00:00Z'),
  dispatchedAt: new Date('2026-11-02T01:05:00Z'),
  overdueAt: new Date('2026-11-05T01:00:00Z'),
  remindedAt: new Date('2026-11-05T02:00:00Z'),
  reminders: 1,
  bulletinedAt: new Date('2026-11-07T01:00:00Z'),
  feedback: { result: '已立案', at: new Date('2026-11-08T01:00:00Z'), by: 'head-filing' },
  callbackDue: true,
  keyCallback: false,
  callback: {
    reached: true,
    satisfied: true,
    note: null,
    at: new Date('2026-11-10T01:00:00Z'),
    by: 'agent01',
  },
  closedAt: new Date('2026-11-10T01:00:00Z'),
  ringAt: new Date('2026-11-02T00:59:55Z'),
  answeredAt: new Date('2026-11-02T01:00:00Z'),
  loggedBy: 'agent01',
};

describe('the OpenAPI schemas of the JSON ledger', () => {
  const row = ledgerItem(doc, names);

  it('document every field of a row, and nothing else', () => {
    expect(keysOf(row)).toEqual(documentedFields(LedgerRowDto));
  });

  it('document every field of a row’s parts', () => {
    expect(keysOf(row.caller)).toEqual(documentedFields(LedgerCallerDto));
    expect(keysOf(row.disposition)).toEqual(documentedFields(LedgerDispositionDto));
    expect(keysOf(row.disposition?.target)).toEqual(documentedFields(LedgerTargetDto));
    expect(keysOf(row.handler)).toEqual(documentedFields(LedgerNamedDto));
    expect(keysOf(row.department)).toEqual(documentedFields(LedgerNamedDto));
    expect(keysOf(row.feedback)).toEqual(documentedFields(LedgerFeedbackDto));
    expect(keysOf(row.callback)).toEqual(documentedFields(LedgerCallbackDto));
  });

  it('document the page around the rows', () => {
    expect(documentedFields(LedgerPageDto)).toEqual(['items', 'limit', 'page', 'total']);
  });
});
