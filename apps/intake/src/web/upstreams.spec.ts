import { loadUpstreams, ownsPath } from './upstreams';

describe('the services behind the intake’s one origin', () => {
  it('forwards the notification and reporting paths, and nothing that only starts alike', () => {
    const [notification, reporting] = loadUpstreams({});
    expect(ownsPath(notification!.paths, '/api/notifications/stream?recipientId=x')).toBe(true);
    expect(ownsPath(notification!.paths, '/api/sms')).toBe(true);
    expect(ownsPath(reporting!.paths, '/api/reports/ledger?format=xlsx')).toBe(true);
    expect(ownsPath(reporting!.paths, '/api/bulletins/B1')).toBe(true);
    expect(ownsPath(notification!.paths, '/api/smsx')).toBe(false);
    expect(ownsPath(reporting!.paths, '/api/tickets')).toBe(false);
  });

  it('finds each service at its port on this machine, or where its URL says', () => {
    expect(loadUpstreams({ NOTIFICATION_PORT: '4001' }).map((u) => u.url)).toEqual([
      'http://127.0.0.1:4001',
      'http://127.0.0.1:3002',
    ]);
    expect(loadUpstreams({ REPORTING_URL: 'http://reporting:3002/' })[1]!.url).toBe(
      'http://reporting:3002',
    );
    expect(() => loadUpstreams({ REPORTING_URL: 'reporting:3002/api' })).toThrow(/REPORTING_URL/);
  });
});
