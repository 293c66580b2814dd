import { resolve } from 'node:path';
import { ConfigError } from '@court/config';
import { DEFAULT_POLICY } from '@court/domain';
import { loadIntakeSettings, seedingProblems } from './intake-settings';

describe('production mode (seedingProblems, loadIntakeSettings)', () => {
  it('seeds the demo data by default outside production', () => {
    expect(seedingProblems({})).toEqual([]);
    expect(loadIntakeSettings({}).demoSeed).toBe(true);
    expect(loadIntakeSettings({ DEMO_SEED: 'false' }).demoSeed).toBe(false);
    expect(loadIntakeSettings({ NODE_ENV: 'development', DEMO_SEED: 'true' }).demoSeed).toBe(true);
  });

  it('seeds nothing in production unless told to, and then refuses to start', () => {
    expect(seedingProblems({ NODE_ENV: 'production' })).toEqual([]);
    expect(loadIntakeSettings({ NODE_ENV: 'production' }).demoSeed).toBe(false);
    expect(loadIntakeSettings({ NODE_ENV: 'production', DEMO_SEED: 'false' }).demoSeed).toBe(false);
    // docker-compose passes the demo password along while not seeding: fine
    expect(
      seedingProblems({ NODE_ENV: 'production', DEMO_SEED: 'false', DEMO_PASSWORD: 'demo12368' }),
    ).toEqual([]);
  });

  it.each([
    [{ DEMO_SEED: 'true' }, /演示密码 demo12368/],
    [{ DEMO_SEED: 'true', DEMO_PASSWORD: 'demo12368' }, /演示密码 demo12368/],
    [{ DEMO_SEED: '1', DEMO_PASSWORD: 'a-strong-secret-1' }, /DEMO_SEED=1/],
  ])('production with %j → refuses with a clear message', (env, message) => {
    const full = { NODE_ENV: 'production', ...env };
    const problems = seedingProblems(full);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(problems[0]).toContain('create-admin');
    expect(() => loadIntakeSettings(full)).toThrow(/production/);
  });

  it('reads the back-off settings', () => {
    expect(loadIntakeSettings({}).login).toEqual({
      maxPerUser: 10,
      maxPerAddress: 100,
      windowMs: 900_000,
      backoffBaseMs: 1_000,
      backoffMaxMs: 300_000,
    });
    expect(() => loadIntakeSettings({ LOGIN_BACKOFF_MAX_SECONDS: '-1' })).toThrow(
      /LOGIN_BACKOFF_MAX_SECONDS/,
    );
  });

  it('keeps audit entries 1095 days (3 years) unless AUDIT_RETENTION_DAYS says otherwise', () => {
    expect(loadIntakeSettings({}).auditRetentionDays).toBe(1095);
    expect(loadIntakeSettings({ AUDIT_RETENTION_DAYS: '365' }).auditRetentionDays).toBe(365);
    expect(() => loadIntakeSettings({ AUDIT_RETENTION_DAYS: '0' })).toThrow(/AUDIT_RETENTION_DAYS/);
  });

  it('accepts attachments up to ATTACHMENT_MAX_BYTES (default 20 MB)', () => {
    expect(loadIntakeSettings({}).attachmentMaxBytes).toBe(20 * 1024 * 1024);
    expect(loadIntakeSettings({ ATTACHMENT_MAX_BYTES: '65536' }).attachmentMaxBytes).toBe(65536);
    expect(() => loadIntakeSettings({ ATTACHMENT_MAX_BYTES: '0' })).toThrow(/ATTACHMENT_MAX_BYTES/);
    expect(() => loadIntakeSettings({ ATTACHMENT_MAX_BYTES: '20MB' })).toThrow(
      /ATTACHMENT_MAX_BYTES/,
    );
  });

  it('keeps attachments in ATTACHMENTS_DIR, else <DATA_DIR>/attachments, else data/attachments', () => {
    expect(loadIntakeSettings({ ATTACHMENTS_DIR: '/srv/files' }).attachmentsDir).toBe('/srv/files');
    expect(
      loadIntakeSettings({ ATTACHMENTS_DIR: '/srv/files', DATA_DIR: '/srv/data' }).attachmentsDir,
    ).toBe('/srv/files');
    expect(loadIntakeSettings({ DATA_DIR: '/srv/data' }).attachmentsDir).toBe(
      '/srv/data/attachments',
    );
    expect(loadIntakeSettings({}).attachmentsDir).toBe(resolve('data', 'attachments'));
  });
});

describe('loadIntakeSettings: one configuration error', () => {
  it('names every bad variable at once, the policy working hours included', () => {
    let error: unknown;
    try {
      loadIntakeSettings({
        AUDIT_RETENTION_DAYS: '0',
        ATTACHMENT_MAX_BYTES: '20MB',
        POLICY_WORKING_HOURS: 'nine to five',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'AUDIT_RETENTION_DAYS="0" must be a positive whole number',
      'ATTACHMENT_MAX_BYTES="20MB" must be a positive whole number',
      expect.stringMatching(/^POLICY_WORKING_HOURS="nine to five" 无效，/),
    ]);
    expect((error as Error).message).toMatch(/^配置错误 \(invalid configuration\):\n {2}- /);
  });

  it('gives the voicemails the policy working hours', () => {
    expect(loadIntakeSettings({}).workingHours).toEqual(DEFAULT_POLICY.workingHours);
    expect(loadIntakeSettings({ POLICY_WORKING_HOURS: '09:00-17:00' }).workingHours).toEqual([
      { start: '09:00', end: '17:00' },
    ]);
  });
});
