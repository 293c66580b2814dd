import {
  criteriaOf,
  exportPath,
  filtersFromSearch,
  rangeProblem,
  searchFromFilters,
  withFilter,
} from './ledger-filters';

describe('ledger filters in the URL', () => {
  it('reads every filter and the paging', () => {
    const filters = filtersFromSearch(
      new URLSearchParams(
        'from=2026-11-01&to=2026-11-30&type=complaint&status=overdue&departmentId=civil&page=3&limit=50',
      ),
    );
    expect(filters).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      type: 'complaint',
      status: 'overdue',
      departmentId: 'civil',
      page: 3,
      limit: 50,
    });
  });

  it('drops values the API would refuse and defaults the paging', () => {
    expect(
      filtersFromSearch(
        new URLSearchParams('from=yesterday&type=nope&status=lost&departmentId=a b&page=0&limit=7'),
      ),
    ).toEqual({
      from: undefined,
      to: undefined,
      type: undefined,
      status: undefined,
      departmentId: undefined,
      page: 1,
      limit: 20,
    });
  });

  it('writes only what is set, and round-trips', () => {
    const filters = filtersFromSearch(new URLSearchParams('type=petition&page=2'));
    const search = searchFromFilters(filters);
    expect(search.toString()).toBe('type=petition&page=2');
    expect(filtersFromSearch(search)).toEqual(filters);
    expect(searchFromFilters(filtersFromSearch(new URLSearchParams())).toString()).toBe('');
  });

  it('goes back to page 1 when a filter changes', () => {
    const filters = filtersFromSearch(new URLSearchParams('page=4&limit=100'));
    expect(withFilter(filters, { status: 'closed' })).toMatchObject({
      status: 'closed',
      page: 1,
      limit: 100,
    });
  });

  it('exports the same criteria without the paging', () => {
    const filters = filtersFromSearch(new URLSearchParams('from=2026-11-01&status=overdue&page=2'));
    expect(criteriaOf(filters)).toEqual({ from: '2026-11-01', status: 'overdue' });
    expect(exportPath(filters)).toBe(
      '/api/reports/ledger?format=xlsx&from=2026-11-01&status=overdue',
    );
  });

  it('notices a backwards range', () => {
    expect(rangeProblem({ from: '2026-12-01', to: '2026-11-01' })).toBe('开始日期不能晚于结束日期');
    expect(rangeProblem({ from: '2026-11-01', to: '2026-11-01' })).toBeNull();
    expect(rangeProblem({ from: '2026-11-01' })).toBeNull();
  });
});
