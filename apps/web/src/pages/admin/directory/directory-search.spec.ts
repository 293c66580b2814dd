import { filterBy, matchesQuery } from './directory-search';

describe('directory search', () => {
  it('matches every word anywhere, ignoring case', () => {
    expect(matchesQuery('民事 head', ['张建国', 'head-civil', '民事审判庭'])).toBe(true);
    expect(matchesQuery('HEAD', ['head-civil'])).toBe(true);
    expect(matchesQuery('民事 刑事', ['民事审判庭'])).toBe(false);
  });

  it('matches everything for an empty query and skips empty values', () => {
    expect(matchesQuery('  ', [])).toBe(true);
    expect(matchesQuery('x', [null, undefined])).toBe(false);
  });

  it('filters rows by their fields', () => {
    const people = [
      { id: 'judge01', name: '李明' },
      { id: 'agent01', name: '王静' },
    ];
    expect(filterBy(people, '李', (p) => [p.id, p.name])).toEqual([people[0]]);
  });
});
