import {
  filtersFromUrl,
  filtersToUrl,
  hasFilters,
  interpretKeyword,
  type SearchFilters,
  ticketIdOf,
  toApiQuery,
} from './search-filters';

const url = (search: string) => new URLSearchParams(search);

describe('filtersFromUrl', () => {
  it('reads the dashboard links', () => {
    expect(filtersFromUrl(url('status=overdue'))).toEqual({
      status: 'overdue',
      page: 1,
      pageSize: 20,
    });
    expect(filtersFromUrl(url('redLight=true'))).toMatchObject({ redLight: 'true' });
  });

  it('reads every filter and the paging', () => {
    expect(
      filtersFromUrl(
        url(
          'q=拖延&phone=13800138000&caseNumber=(2026)豫0782民初1号&status=handled&type=complaint&redLight=false&from=2026-11-01&to=2026-11-30&page=3&pageSize=50',
        ),
      ),
    ).toEqual({
      q: '拖延',
      phone: '13800138000',
      caseNumber: '(2026)豫0782民初1号',
      status: 'handled',
      type: 'complaint',
      redLight: 'false',
      from: '2026-11-01',
      to: '2026-11-30',
      page: 3,
      pageSize: 50,
    });
  });

  it('drops values the API would refuse', () => {
    expect(
      filtersFromUrl(
        url('status=lost&type=x&redLight=yes&from=yesterday&page=0&pageSize=7&q=%20%20'),
      ),
    ).toEqual({ page: 1, pageSize: 20 });
  });

  it('searches returned tickets (已退回)', () => {
    expect(filtersFromUrl(url('status=returned'))).toEqual({
      status: 'returned',
      page: 1,
      pageSize: 20,
    });
  });
});

describe('filtersToUrl', () => {
  it('keeps only what is set, and round-trips', () => {
    const filters: SearchFilters = {
      status: 'overdue',
      caseNumber: '(2026)豫0782民初1号',
      from: '2026-11-01',
      page: 2,
      pageSize: 20,
    };
    const params = filtersToUrl(filters);
    expect(params.toString()).toBe(
      'caseNumber=%282026%29%E8%B1%AB0782%E6%B0%91%E5%88%9D1%E5%8F%B7&status=overdue&from=2026-11-01&page=2',
    );
    expect(filtersFromUrl(params)).toEqual(filters);
  });

  it('leaves out page 1 and the default page size', () => {
    expect(filtersToUrl({ page: 1, pageSize: 20 }).toString()).toBe('');
    expect(hasFilters({ page: 4, pageSize: 50 })).toBe(false);
    expect(hasFilters({ redLight: 'true', page: 1, pageSize: 20 })).toBe(true);
  });
});

describe('interpretKeyword', () => {
  it('recognises ticket numbers, phone numbers and case numbers', () => {
    expect(interpretKeyword(' t20261128-0001 ')).toEqual({
      kind: 'ticketId',
      id: 'T20261128-0001',
    });
    expect(interpretKeyword('138 0013 8000')).toEqual({ kind: 'phone', phone: '138 0013 8000' });
    expect(interpretKeyword('0373-6261201')).toEqual({ kind: 'phone', phone: '0373-6261201' });
    expect(interpretKeyword('（2026）豫0782民初1号')).toEqual({
      kind: 'caseNumber',
      caseNumber: '（2026）豫0782民初1号',
    });
    expect(interpretKeyword('拖延立案')).toEqual({ kind: 'text', text: '拖延立案' });
    expect(interpretKeyword('2026')).toEqual({ kind: 'text', text: '2026' });
  });
});

describe('ticketIdOf', () => {
  it('normalises a ticket number, or null', () => {
    expect(ticketIdOf(' t20261128-0001')).toBe('T20261128-0001');
    expect(ticketIdOf('20261128-0001')).toBeNull();
    expect(ticketIdOf(undefined)).toBeNull();
  });
});

describe('toApiQuery', () => {
  const base = { page: 1, pageSize: 20 };

  it('sends only the parameters SearchTicketsDto has, with the page size as limit', () => {
    expect(
      toApiQuery({ ...base, status: 'overdue', redLight: 'true', from: '2026-11-01', page: 2 }),
    ).toEqual({ status: 'overdue', redLight: 'true', from: '2026-11-01', page: 2, limit: 20 });
  });

  it('uses a keyword as the phone or case number it looks like', () => {
    expect(toApiQuery({ ...base, q: '13800138000' })).toEqual({
      phone: '13800138000',
      page: 1,
      limit: 20,
    });
    expect(toApiQuery({ ...base, q: '(2026)豫0782民初1号' })).toMatchObject({
      caseNumber: '(2026)豫0782民初1号',
    });
  });

  it('sends any other keyword as the full-text q', () => {
    expect(toApiQuery({ ...base, q: ' 拖延立案 ' })).toEqual({ q: '拖延立案', page: 1, limit: 20 });
  });

  it('does not let a keyword override a filled-in field: it is searched as text', () => {
    const query = toApiQuery({ ...base, q: '13900000000', phone: '13800138000' });
    expect(query).toMatchObject({ phone: '13800138000', q: '13900000000' });
  });
});
