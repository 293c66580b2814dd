import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { metricsToken, scrapeAllowed } from './metrics-token';

describe('METRICS_TOKEN', () => {
  it('is unset by default, read from the variable or from METRICS_TOKEN_FILE', () => {
    expect(metricsToken({})).toBeNull();
    expect(metricsToken({ METRICS_TOKEN: '  ' })).toBeNull();
    expect(metricsToken({ METRICS_TOKEN: ' abc ' })).toBe('abc');
    const file = join(mkdtempSync(join(tmpdir(), 'metrics-token-')), 'token');
    writeFileSync(file, 'from-a-file\n');
    expect(metricsToken({ METRICS_TOKEN_FILE: file })).toBe('from-a-file');
    expect(() => metricsToken({ METRICS_TOKEN: 'a', METRICS_TOKEN_FILE: file })).toThrow(
      'set one of them',
    );
  });

  it('lets a scrape in with the bearer token only, or any scrape when there is none', () => {
    expect(scrapeAllowed(null, undefined)).toBe(true);
    expect(scrapeAllowed('t0ken', 'Bearer t0ken')).toBe(true);
    expect(scrapeAllowed('t0ken', 'bearer t0ken')).toBe(true);
    expect(scrapeAllowed('t0ken', 'Bearer t0ke')).toBe(false);
    expect(scrapeAllowed('t0ken', 'Basic dDBrZW4=')).toBe(false);
    expect(scrapeAllowed('t0ken', undefined)).toBe(false);
  });
});
