import { loadNotificationSettings, parseTemplateCodes } from './notification-settings';

describe('notification settings (env)', () => {
  it('defaults to the outbox provider and the local link', () => {
    expect(loadNotificationSettings({})).toMatchObject({
      sms: { kind: 'outbox' },
      publicBaseUrl: 'http://127.0.0.1:3000',
    });
  });

  it('reads the Alibaba Cloud settings', () => {
    const settings = loadNotificationSettings({
      SMS_PROVIDER: 'aliyun',
      ALIYUN_SMS_ACCESS_KEY_ID: 'id',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret',
      ALIYUN_SMS_SIGN_NAME: '某某法院',
      ALIYUN_SMS_TEMPLATE_CODES: 'dispatch=SMS_1, escalation=SMS_2',
      PUBLIC_BASE_URL: 'https://12368.example.court/',
    });
    expect(settings).toMatchObject({
      sms: {
        kind: 'aliyun',
        endpoint: 'dysmsapi.aliyuncs.com',
        protocol: 'https',
        templateCodes: { dispatch: 'SMS_1', escalation: 'SMS_2' },
        timeoutMs: 10_000,
      },
      publicBaseUrl: 'https://12368.example.court',
    });
  });

  it('names every bad variable', () => {
    expect(() =>
      loadNotificationSettings({
        SMS_PROVIDER: 'aliyun',
        ALIYUN_SMS_PROTOCOL: 'ftp',
        ALIYUN_SMS_TEMPLATE_CODES: 'dispatch',
      }),
    ).toThrow(
      /ALIYUN_SMS_ACCESS_KEY_ID[\s\S]*ALIYUN_SMS_PROTOCOL|ALIYUN_SMS_PROTOCOL[\s\S]*ALIYUN_SMS_ACCESS_KEY_ID/,
    );
    expect(() => loadNotificationSettings({ SMS_PROVIDER: 'tencent' })).toThrow(/SMS_PROVIDER/);
    expect(() => loadNotificationSettings({ PUBLIC_BASE_URL: 'nope' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() =>
      loadNotificationSettings({
        SMS_MAX_ATTEMPTS: '0',
        SMS_RETRY_BACKOFF: '1wd',
        NOTIFY_STREAM_LOOKBACK_MS: 'soon',
      }),
    ).toThrow(/SMS_MAX_ATTEMPTS[\s\S]*SMS_RETRY_BACKOFF[\s\S]*NOTIFY_STREAM_LOOKBACK_MS/);
  });

  it('bounds SMS retries: 5 attempts, 1 min doubling to 30 min, unless told otherwise', () => {
    expect(loadNotificationSettings({}).smsRetry).toEqual({
      maxAttempts: 5,
      backoffMs: 60_000,
      maxBackoffMs: 1_800_000,
    });
    expect(
      loadNotificationSettings({ SMS_MAX_ATTEMPTS: '3', SMS_RETRY_BACKOFF: '10s' }).smsRetry,
    ).toEqual({ maxAttempts: 3, backoffMs: 10_000, maxBackoffMs: 1_800_000 });
    expect(loadNotificationSettings({}).stream).toEqual({ catchupMs: 5_000, lookBackMs: 5_000 });
  });

  it('sends the caller’s receipt unless NOTIFY_CALLER_RECEIPT turns it off', () => {
    expect(loadNotificationSettings({}).callerReceipt).toBe(true);
    expect(loadNotificationSettings({ NOTIFY_CALLER_RECEIPT: '' }).callerReceipt).toBe(true);
    for (const on of ['true', '1', 'yes', 'on', ' TRUE ']) {
      expect(loadNotificationSettings({ NOTIFY_CALLER_RECEIPT: on }).callerReceipt).toBe(true);
    }
    for (const off of ['false', '0', 'no', 'off', 'Off', ' FALSE ']) {
      expect(loadNotificationSettings({ NOTIFY_CALLER_RECEIPT: off }).callerReceipt).toBe(false);
    }
    expect(() => loadNotificationSettings({ NOTIFY_CALLER_RECEIPT: 'maybe' })).toThrow(
      /NOTIFY_CALLER_RECEIPT/,
    );
  });

  it('template codes as pairs or JSON', () => {
    expect(parseTemplateCodes('{"red_light":"SMS_9"}')).toEqual({ red_light: 'SMS_9' });
    expect(parseTemplateCodes('red_light=SMS_9')).toEqual({ red_light: 'SMS_9' });
    expect(parseTemplateCodes('[1]')).toBeNull();
    expect(parseTemplateCodes('x')).toBeNull();
  });
});
