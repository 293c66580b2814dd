import type { BulletinEntry, FactsSource } from '@court/database';
import type { LedgerDisposition } from '@court/domain';
import { computeMetrics, demoNames, type StoredBulletin } from '@court/reporting';
import type { Client } from '@temporalio/client';
import { groupEntries } from '../../../activities/reporting/reporting.activities';
import { BulletinsService, bulletinJson } from './bulletins.service';
import {
  AgentWorkloadDto,
  BulletinCountsDto,
  BulletinDto,
  BulletinEntryDto,
  BulletinGroupDto,
  BulletinHandlerGroupDto,
  BulletinListDto,
  BulletinPeriodDto,
  BulletinSummaryDto,
  MetricsDto,
  NamedFiguresDto,
  ReportPeriodDto,
  TypeFiguresDto,
} from './dto/bulletin.dto';
import type { ReportingStore } from './reporting.providers';

/** The names OpenAPI documents for a response class (inherited ones included). */
function documentedFields(dto: abstract new () => unknown): string[] {
  const names: string[] = Reflect.getMetadata('swagger/apiModelPropertiesArray', dto.prototype);
  return names.map((name) => name.replace(/^:/, '')).sort();
}

const keysOf = (value: object | null | undefined) => Object.keys(value ?? {}).sort();
const firstValue = (record: Record<string, object>) => Object.values(record)[0];

const names = demoNames();

/** A transferred ticket, so the metrics have a type, a department, a handler and an agent. */
const ticket: FactsSource = {
  _id: 'T20261102-0001',
  type: 'complaint',
  departmentId: 'civil',
  handlerId: 'judge01',
  disposition: { action: 'transfer', rule: '4.5' } as LedgerDisposition,
  status: 'bulletined',
  deadlines: { dispatchBy: new Date('2026-11-02T03:00:00Z') },
  receivedAt: new Date('2026-11-02T01:00:00Z'),
  dispatchedAt: new Date('2026-11-02T01:05:00Z'),
  overdueAt: new Date('2026-11-05T01:00:00Z'),
  remindedAt: new Date('2026-11-05T02:00:00Z'),
  bulletinedAt: new Date('2026-11-07T01:00:00Z'),
  feedback: null,
  callbackDue: false,
  keyCallback: false,
  callback: null,
  ringAt: new Date('2026-11-02T00:59:55Z'),
  answeredAt: new Date('2026-11-02T01:00:00Z'),
  loggedBy: 'agent01',
};

const entry: BulletinEntry = {
  id: 'T20261102-0001',
  type: 'complaint',
  typeLabel: '投诉举报',
  status: 'bulletined',
  departmentId: 'civil',
  departmentName: '民事审判庭',
  handlerId: 'judge01',
  handlerName: '法官',
  receivedAt: new Date('2026-11-02T01:00:00Z'),
  dispatchedAt: new Date('2026-11-02T01:05:00Z'),
  feedbackBy: new Date('2026-11-05T01:00:00Z'),
  overdueAt: new Date('2026-11-05T01:00:00Z'),
  remindedAt: new Date('2026-11-05T02:00:00Z'),
  reminders: 1,
  bulletinedAt: new Date('2026-11-07T01:00:00Z'),
  feedbackAt: null,
};

const period = { from: new Date('2026-11-01T16:00:00Z'), to: new Date('2026-11-08T16:00:00Z') };

const doc: StoredBulletin = {
  _id: 'B202611090900-1a2b3c',
  trigger: 'schedule',
  requestedBy: null,
  workflowId: 'bulletin-schedule-1',
  period,
  createdAt: new Date('2026-11-09T01:00:00Z'),
  figures: computeMetrics([ticket], {
    now: new Date('2026-11-09T01:00:00Z'),
    period,
    names,
  }),
  bulletined: [entry],
  overdue: [entry],
  ...groupEntries([entry], [entry], names),
  truncated: false,
  counts: { bulletined: 1, overdue: 1 },
  announcedTo: ['group:supervisor'],
  announcedAt: new Date('2026-11-09T01:00:05Z'),
};

describe('the OpenAPI schemas of bulletins', () => {
  it('document every field of a bulletin and of its parts', () => {
    const view = bulletinJson(doc);
    expect(keysOf(view)).toEqual(documentedFields(BulletinDto));
    expect(keysOf(view.period)).toEqual(documentedFields(BulletinPeriodDto));
    expect(keysOf(view.counts)).toEqual(documentedFields(BulletinCountsDto));
    expect(keysOf(view.bulletined[0])).toEqual(documentedFields(BulletinEntryDto));
    expect(keysOf(view.overdue[0])).toEqual(documentedFields(BulletinEntryDto));
    expect(keysOf(view.byDepartment[0])).toEqual(documentedFields(BulletinGroupDto));
    expect(keysOf(view.byHandler[0])).toEqual(documentedFields(BulletinHandlerGroupDto));
  });

  it('document every figure of the whole court', () => {
    const figures = bulletinJson(doc).figures as MetricsDto;
    expect(keysOf(figures)).toEqual(documentedFields(MetricsDto));
    expect(keysOf(figures.period)).toEqual(documentedFields(ReportPeriodDto));
    expect(keysOf(firstValue(figures.byType))).toEqual(documentedFields(TypeFiguresDto));
    expect(keysOf(firstValue(figures.byDepartment))).toEqual(documentedFields(NamedFiguresDto));
    expect(keysOf(firstValue(figures.byHandler))).toEqual(documentedFields(NamedFiguresDto));
    expect(keysOf(firstValue(figures.agentWorkload))).toEqual(documentedFields(AgentWorkloadDto));
  });

  it('document the figures a handler sees: a head’s department’s, a plain handler’s own', () => {
    const head = bulletinJson(doc, { handlerId: 'head-civil', departmentIds: ['civil'] });
    expect(keysOf(head)).toEqual(documentedFields(BulletinDto));
    expect(keysOf(head.figures)).toEqual(documentedFields(NamedFiguresDto));
    expect(keysOf(head.counts)).toEqual(documentedFields(BulletinCountsDto));
    expect(head.counts).toEqual({ bulletined: 1, overdue: 1 });
    const judge = bulletinJson(doc, { handlerId: 'judge01', departmentIds: [] });
    expect(judge.figures).toEqual((doc.figures as unknown as MetricsDto).byHandler.judge01);
    expect(judge.bulletined.map((e) => e.id)).toEqual(['T20261102-0001']);
    const other = bulletinJson(doc, { handlerId: 'judge02', departmentIds: [] });
    expect(other.figures).toBeNull();
    expect(other.counts).toEqual({ bulletined: 0, overdue: 0 });
    expect([other.bulletined, other.byDepartment, other.byHandler]).toEqual([[], [], []]);
    const petition = bulletinJson(doc, { handlerId: 'head-petition', departmentIds: ['petition'] });
    expect(petition.figures).toBeNull();
  });

  it('document every field of the list', async () => {
    const { figures: _f, bulletined: _b, overdue: _o, ...listed } = doc;
    const store = {
      bulletins: { page: async () => [listed], count: async () => 1 },
    } as unknown as ReportingStore;
    const list = await new BulletinsService(store, {} as Client).list(1, 20);
    expect(keysOf(list)).toEqual(documentedFields(BulletinListDto));
    expect(keysOf(list.items[0])).toEqual(documentedFields(BulletinSummaryDto));
    expect(keysOf(list.items[0]?.period)).toEqual(documentedFields(BulletinPeriodDto));
  });
});
