import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCalendarOverrides, validateCalendarOverrides } from './calendar-overrides';

const examplePath = join(__dirname, '..', 'calendar-overrides.example.json');
const example = JSON.parse(readFileSync(examplePath, 'utf8'));

describe('calendar overrides format', () => {
  it('the shipped example is valid but marked as an example', () => {
    expect(example.example).toBe(true);
    expect(example.description).toContain('示例');
    expect(validateCalendarOverrides(example, { allowExample: true })).toEqual([]);
    expect(validateCalendarOverrides(example)).toEqual([
      { field: 'example', message: '这是示例文件，不是国务院公布的正式安排，不能导入' },
    ]);
  });

  it('parses into sorted, frozen data', () => {
    const r = parseCalendarOverrides({
      $comment: 'ignored',
      version: 2,
      coveredYears: [2028, 2027],
      closures: [
        { date: '2027-10-02', name: ' 国庆节 ' },
        { date: '2027-10-01', name: '国庆节' },
      ],
      workingDays: [],
    });
    expect(r).toEqual({
      ok: true,
      value: {
        version: 2,
        coveredYears: [2027, 2028],
        closures: [
          { date: '2027-10-01', name: '国庆节' },
          { date: '2027-10-02', name: '国庆节' },
        ],
        workingDays: [],
      },
    });
    expect(r.ok && Object.isFrozen(r.value.closures[0])).toBe(true);
  });

  it('reports every problem with its path', () => {
    expect(
      validateCalendarOverrides({
        version: 1.5,
        coveredYears: [2027, 2027, 'x'],
        closures: [
          { date: '2027-02-30', name: '春节' },
          { date: '2027-10-01', name: '' },
          { date: '2027-10-02', name: '国庆节', extra: true },
        ],
        workingDays: [{ date: '2027-10-02', name: '调休' }, 'x'],
        closure: [],
      }),
    ).toEqual([
      { field: 'closure', message: '未知字段“closure”' },
      { field: 'version', message: '版本号应为正整数，每次导入递增' },
      { field: 'coveredYears[1]', message: '年份重复：2027' },
      { field: 'coveredYears[2]', message: '年份应为1990–2200之间的整数' },
      { field: 'closures[0].date', message: '日期应为有效的 YYYY-MM-DD' },
      { field: 'closures[1].name', message: '名称不能为空，且不超过50个字' },
      { field: 'closures[2].extra', message: '未知字段“extra”' },
      { field: 'workingDays[0].date', message: '日期 2027-10-02 已在 closures[2] 中出现' },
      { field: 'workingDays[1]', message: '应为 { "date": "YYYY-MM-DD", "name": "…" }' },
    ]);
    expect(validateCalendarOverrides([])).toEqual([
      { field: '', message: '日历覆盖数据应为JSON对象' },
    ]);
    expect(validateCalendarOverrides({ version: 1 }).map((e) => e.field)).toEqual([
      'coveredYears',
      'closures',
      'workingDays',
    ]);
  });
});
