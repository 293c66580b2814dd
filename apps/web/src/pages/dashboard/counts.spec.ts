import { COUNT_DEFINITIONS, countText, ticketListHref } from './counts';

describe('dashboard counts', () => {
  it('lists the six counts of UI.md in order', () => {
    expect(COUNT_DEFINITIONS.map((d) => d.label)).toEqual([
      '红灯',
      '黄灯',
      '已超期',
      '已催办',
      '已通报',
      '待回访',
    ]);
  });

  it.each([
    ['红灯', '/tickets?redLight=true'],
    ['黄灯', '/tickets?status=dispatched'],
    ['已超期', '/tickets?status=overdue'],
    ['已催办', '/tickets?status=reminded'],
    ['已通报', '/tickets?status=bulletined'],
    ['待回访', '/tickets?status=handled'],
  ])('%s links to %s', (label, href) => {
    const def = COUNT_DEFINITIONS.find((d) => d.label === label)!;
    expect(ticketListHref(def.query)).toBe(href);
  });

  it('builds the plain list link without a query', () => {
    expect(ticketListHref({})).toBe('/tickets');
  });

  it('shows unknown, exact and lower-bound counts', () => {
    expect(countText(undefined)).toBe('—');
    expect(countText(3)).toBe('3');
    expect(countText(100, true)).toBe('≥100');
  });
});
