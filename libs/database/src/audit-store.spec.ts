import { maskPhonesInText } from '@court/domain';
import { auditId } from './audit-store';

describe('audit store helpers', () => {
  it('the trail masks phone numbers as the logs do', () => {
    expect(maskPhonesInText('回电 13800138000 与 +86 139-1234-5678')).toBe(
      '回电 138****8000 与 139****5678',
    );
    expect(maskPhonesInText('工单 T20261202-0001，2026 年')).toBe('工单 T20261202-0001，2026 年');
  });

  it('ids sort as their times do and are unique', () => {
    const a = auditId(new Date('2026-12-02T09:00:00.000Z'));
    const b = auditId(new Date('2026-12-02T09:00:00.001Z'));
    expect(a < b).toBe(true);
    expect(a.startsWith('2026-12-02T09:00:00.000Z:')).toBe(true);
    expect(auditId(new Date(0))).not.toBe(auditId(new Date(0)));
  });
});
