/**
 * @court/notifications — how a notice reaches a person: the in-app inbox and its live feed, SMS
 * through a provider (the outbox, Alibaba Cloud) with retries and quiet hours, the Chinese
 * templates. The notification service's HTTP API and its `deliverNotices` activity use it.
 */
export * from './caller-phone';
export * from './hybrid-clock';
export * from './notice';
export * from './notice-bus';
export * from './notice-feed';
export * from './notice-inbox';
export * from './notification-delivery';
export * from './notification-settings';
export * from './recent-ids';
export * from './sms/aliyun-sms.provider';
export * from './sms/aliyun-sms-codes';
export * from './sms/sms-dispatcher';
export * from './sms/sms-due';
export * from './sms/sms-failed-notice';
export * from './sms/sms-provider';
export * from './sms/sms-record';
export * from './sms/sms-release-scheduler';
export * from './sms/sms-retry';
export * from './sms/sms-send-queue';
export * from './templates';
