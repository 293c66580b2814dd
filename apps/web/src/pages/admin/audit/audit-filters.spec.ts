import { auditApiPath, auditFiltersFrom, auditSearchOf } from './audit-filters';

describe('audit filters', () => {
  it('reads person, ticket, dates and page from the URL', () => {
    expect(
      auditFiltersFrom(
        new URLSearchParams(
          'actor=admin&ticketId=t20261202-0001&from=2026-12-01&to=2026-12-02&page=2',
        ),
      ),
    ).toEqual({
      actor: 'admin',
      ticketId: 'T20261202-0001',
      from: '2026-12-01',
      to: '2026-12-02',
      page: 2,
    });
  });

  it('drops what is not a filter and round-trips', () => {
    const filters = auditFiltersFrom(new URLSearchParams('actor=%20&from=today&page=-1'));
    expect(filters).toEqual({
      actor: undefined,
      ticketId: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
    expect(auditSearchOf(filters).toString()).toBe('');
  });

  it('asks the API for a page of fifty', () => {
    expect(auditApiPath({ actor: 'agent01', page: 1 })).toBe(
      '/api/audit?actor=agent01&page=1&limit=50',
    );
  });
});
