import { safeNext } from './return-path';

describe('the page to return to after login', () => {
  it('keeps a path of this app, with its query', () => {
    expect(safeNext('/tickets/T20261128-0001')).toBe('/tickets/T20261128-0001');
    expect(safeNext('/tickets?status=overdue')).toBe('/tickets?status=overdue');
  });

  it('refuses other origins, and the login page itself', () => {
    for (const next of [
      '//evil.example/x',
      'https://evil.example',
      'javascript:alert(1)',
      '/login?next=/x',
      '',
      null,
    ]) {
      expect(safeNext(next)).toBeNull();
    }
  });
});
