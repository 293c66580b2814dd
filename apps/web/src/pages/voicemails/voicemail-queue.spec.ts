import type { Voicemail } from '../../api/types';
import { intakeLinkFor, queueOrder, uniqueById, VOICEMAIL_STATUS_LABELS } from './voicemail-queue';

const vm = (id: string, status: string, dueAt: string | null): Voicemail =>
  ({ id, status, dueAt }) as Voicemail;

describe('voicemail queue', () => {
  it('puts overdue first, then due, then waiting; earliest due first within each', () => {
    const sorted = queueOrder([
      vm('w2', 'waiting', '2026-12-04T00:30:00Z'),
      vm('w1', 'waiting', '2026-12-03T00:30:00Z'),
      vm('d', 'due', '2026-12-02T00:30:00Z'),
      vm('o', 'overdue', '2026-11-01T00:30:00Z'),
      vm('x', 'waiting', null),
    ]);
    expect(sorted.map((v) => v.id)).toEqual(['o', 'd', 'w1', 'w2', 'x']);
  });

  it('keeps one of a voicemail listed twice while its status moved, the first read', () => {
    const unique = uniqueById([
      vm('a', 'due', null),
      vm('a', 'waiting', null),
      vm('b', 'waiting', null),
    ]);
    expect(unique.map((v) => `${v.id}:${v.status}`)).toEqual(['a:due', 'b:waiting']);
  });

  it('names each status in Chinese', () => {
    expect(VOICEMAIL_STATUS_LABELS).toEqual({
      waiting: '等待处理',
      due: '应处理',
      logged: '已登记',
      overdue: '已超期',
    });
  });

  it('opens /intake for the voicemail', () => {
    expect(intakeLinkFor('V20261202-ff1ae333')).toBe('/intake?voicemailId=V20261202-ff1ae333');
  });
});
