import type { BulletinEntry } from '@court/database';
import { demoNames } from '@court/reporting';
import { bulletinNotices, groupEntries } from './bulletin-entries';

function entry(id: string, departmentId: string | null, handlerId: string | null): BulletinEntry {
  return {
    id,
    type: 'complaint',
    typeLabel: '投诉举报',
    status: 'bulletined',
    departmentId,
    departmentName: null,
    handlerId,
    handlerName: handlerId ? `name-${handlerId}` : null,
    receivedAt: null,
    dispatchedAt: null,
    feedbackBy: null,
    overdueAt: null,
    remindedAt: null,
    reminders: 1,
    bulletinedAt: null,
    feedbackAt: null,
  };
}

describe('bulletin grouping and notices', () => {
  const names = demoNames();

  it('groups bulletined and overdue tickets by department and handler', () => {
    const a = entry('T1', 'civil', 'judge01');
    const b = entry('T2', 'civil', 'head-civil');
    const c = entry('T3', 'petition', 'head-petition');
    const { byDepartment, byHandler } = groupEntries([a, c], [a, b, c], names);
    expect(byDepartment).toEqual([
      { id: 'civil', name: '民事审判庭', bulletined: ['T1'], overdue: ['T1', 'T2'] },
      { id: 'petition', name: '信访办公室', bulletined: ['T3'], overdue: ['T3'] },
    ]);
    expect(byHandler.map((g) => [g.id, g.bulletined, g.overdue])).toEqual([
      ['head-civil', [], ['T2']],
      ['head-petition', ['T3'], ['T3']],
      ['judge01', ['T1'], ['T1']],
    ]);
  });

  it('announces each bulletined ticket to its department head and the supervisors, once each', () => {
    const notices = bulletinNotices(
      'B1',
      [entry('T1', 'civil', 'judge01'), entry('T9', null, null)],
      names,
    );
    expect(notices.map((n) => n.key)).toEqual([
      'bulletin:B1:T1:head-civil',
      'bulletin:B1:T1:group:supervisor',
      'bulletin:B1:T9:group:supervisor',
    ]);
    expect(notices.every((n) => n.kind === 'bulletin' && !n.sms)).toBe(true);
  });
});
