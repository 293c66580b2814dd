import 'reflect-metadata';
import type { LedgerDisposition } from '@court/domain';
import { type LedgerDoc, ledgerItem } from '@court/reporting';
import {
  LedgerCallbackDto,
  LedgerCallerDto,
  LedgerDispositionDto,
  LedgerExtensionDto,
  LedgerFeedbackDto,
  LedgerNamedDto,
  LedgerPageDto,
  LedgerReassignmentDto,
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
  } as LedgerDisposition,
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
  acceptedAt: new Date('2026-11-02T01:20:00Z'),
  returns: [
    {
      at: new Date('2026-11-02T01:10:00Z'),
      by: 'judge01',
      departmentId: 'civil',
      reason: '非本庭',
    },
  ],
  reassignments: [
    {
      at: new Date('2026-11-02T01:15:00Z'),
      by: 'supervisor01',
      reason: '属立案庭职责',
      from: { id: 'judge01', name: '李明', role: 'handler' },
      fromDepartmentId: 'civil',
      to: { id: 'head-filing', name: '吴立新', role: 'handler' },
      toDepartmentId: 'filing',
      lostMs: 600_000,
    },
  ],
  extension: {
    status: 'approved',
    until: new Date('2026-12-10T09:30:00Z'),
    reason: '需调取卷宗',
    requestedBy: 'head-filing',
    requestedAt: new Date('2026-11-04T01:00:00Z'),
    previousFeedbackBy: new Date('2026-11-05T01:00:00Z'),
    decidedBy: 'head-filing',
    decidedAt: new Date('2026-11-04T02:00:00Z'),
    note: null,
  },
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
    expect(keysOf(row.reassignments[0])).toEqual(documentedFields(LedgerReassignmentDto));
    expect(keysOf(row.reassignments[0]?.from)).toEqual(documentedFields(LedgerNamedDto));
    expect(keysOf(row.reassignments[0]?.to)).toEqual(documentedFields(LedgerNamedDto));
    expect(keysOf(row.extension)).toEqual(documentedFields(LedgerExtensionDto));
  });

  it('show the lifecycle: 签收, 退回, 改派, 延期', () => {
    expect(row).toMatchObject({
      acceptedAt: '2026-11-02T09:20:00+08:00',
      returnCount: 1,
      reassignments: [
        {
          at: '2026-11-02T09:15:00+08:00',
          from: { id: 'judge01', name: '李明' },
          to: { id: 'head-filing', name: '吴立新' },
          reason: '属立案庭职责',
        },
      ],
      reassignmentText: '李明→吴立新（属立案庭职责）',
      extension: { status: 'approved', until: '2026-12-10T17:30:00+08:00' },
      extensionText: '已同意至12月10日17:30',
    });
  });

  it('document the page around the rows', () => {
    expect(documentedFields(LedgerPageDto)).toEqual(['items', 'limit', 'page', 'total']);
  });
});
