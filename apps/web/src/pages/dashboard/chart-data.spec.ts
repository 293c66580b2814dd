import { barRows, barSummary, percentText, trendSummary } from './chart-data';

describe('chart data', () => {
  it('turns a breakdown into rows, largest first, without empty ones', () => {
    expect(
      barRows({
        civil: { name: '民事审判庭', total: 2 },
        filing: { name: '立案庭', total: 5 },
        petition: { name: '信访办公室', total: 0 },
        complaint: { label: '投诉举报', total: 2 },
        other: {},
      }),
    ).toEqual([
      { name: '立案庭', total: 5 },
      { name: '民事审判庭', total: 2 },
      { name: '投诉举报', total: 2 },
    ]);
    expect(barRows(undefined)).toEqual([]);
  });

  it('writes the text alternatives', () => {
    expect(barSummary('按部门', [{ name: '立案庭', total: 5 }])).toBe('按部门：立案庭 5 件');
    expect(barSummary('按部门', [])).toBe('按部门：暂无工单');
    expect(
      trendSummary('按时反馈率', [
        { label: '11/23', rate: 0.857 },
        { label: '11/30', rate: null },
      ]),
    ).toBe('按时反馈率：11/23周 86%，11/30周 无数据');
  });

  it('formats rates', () => {
    expect(percentText(1)).toBe('100%');
    expect(percentText(null)).toBe('无数据');
  });
});
