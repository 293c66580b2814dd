import Dysmsapi, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { Config } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import { aliyunFailureClass, aliyunReason } from './aliyun-sms-codes';
import {
  type SmsAccepted,
  type SmsProvider,
  SmsProviderError,
  type SmsRequest,
} from './sms-provider';

export interface AliyunSmsSettings {
  accessKeyId: string;
  accessKeySecret: string;
  /** Host (and port) of the Dysmsapi endpoint, default `dysmsapi.aliyuncs.com`. */
  endpoint: string;
  /** `https` in production; `http` only for a local stand-in of the API. */
  protocol: 'https' | 'http';
  signName: string;
  /** The approved template code (SMS_…) of each notice kind. */
  templateCodes: Record<string, string>;
  timeoutMs: number;
}

/** Errors where the request never reached the provider: safe to try again. */
const NOT_SENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/**
 * Alibaba Cloud SMS (Dysmsapi 2017-05-25 SendSms) through its official SDK. One call per
 * message, the SDK's own retries off (Temporal retries, after a clear refusal only). The
 * notice key goes as OutId, so a delivery receipt or QuerySendDetails ties back to it.
 * Classification of the answer:
 * - Code `OK` → accepted (BizId kept);
 * - throttling / flow control / provider busy (isv.BUSINESS_LIMIT_CONTROL, Throttling.*, 5xx)
 *   → transient;
 * - any other Code the provider answered with (isv.AMOUNT_NOT_ENOUGH, isv.OUT_OF_SERVICE,
 *   isv.MOBILE_NUMBER_ILLEGAL, sign or template rejected, bad keys) → permanent
 *   (aliyun-sms-codes.ts);
 * - no answer after the request went out (timeout, reset) → in doubt.
 */
export class AliyunSmsProvider implements SmsProvider {
  readonly name = 'aliyun';
  /** Dysmsapi does not de-duplicate by OutId: a repeated SendSms sends again. */
  readonly idempotent = false;
  private readonly client: Dysmsapi;

  constructor(private readonly settings: AliyunSmsSettings) {
    this.client = new Dysmsapi(
      new Config({
        accessKeyId: settings.accessKeyId,
        accessKeySecret: settings.accessKeySecret,
        endpoint: settings.endpoint,
        protocol: settings.protocol,
      }),
    );
  }

  async send(request: SmsRequest): Promise<SmsAccepted> {
    const templateCode = this.settings.templateCodes[request.kind];
    if (!templateCode) {
      throw new SmsProviderError(
        'permanent',
        'TEMPLATE_NOT_CONFIGURED',
        `no template code for kind ${request.kind}`,
        `未配置通知类型 ${request.kind} 的短信模板编号（ALIYUN_SMS_TEMPLATE_CODES）`,
      );
    }
    let body: { code?: string; message?: string; bizId?: string } | undefined;
    try {
      const response = await this.client.sendSmsWithOptions(
        new SendSmsRequest({
          phoneNumbers: request.to,
          signName: this.settings.signName,
          templateCode,
          templateParam: JSON.stringify(request.params),
          outId: request.key.slice(0, 256),
        }),
        new RuntimeOptions({
          autoretry: false,
          maxAttempts: 0,
          connectTimeout: Math.min(this.settings.timeoutMs, 5_000),
          readTimeout: this.settings.timeoutMs,
        }),
      );
      body = response.body;
    } catch (error) {
      throw classifyThrown(error);
    }
    const code = body?.code ?? 'NO_CODE';
    if (code === 'OK') return { providerMessageId: body?.bizId ?? null };
    const message = body?.message ?? '';
    throw new SmsProviderError(
      aliyunFailureClass(code),
      code,
      message,
      aliyunReason(code, message),
    );
  }
}

function classifyThrown(error: unknown): SmsProviderError {
  const e = error as { code?: string; statusCode?: number; message?: string; data?: unknown };
  const code = String(e.code ?? 'UNKNOWN');
  const message = String(e.message ?? error);
  if (typeof e.statusCode === 'number') {
    // The provider answered with an error status: a clear refusal.
    const transient =
      e.statusCode >= 500 || e.statusCode === 429 || aliyunFailureClass(code) === 'transient';
    return new SmsProviderError(
      transient ? 'transient' : 'permanent',
      code,
      message,
      aliyunReason(code, message),
    );
  }
  if (NOT_SENT_NETWORK_CODES.has(code) || NOT_SENT_NETWORK_CODES.has(networkCode(error))) {
    return new SmsProviderError('transient', code, message, '无法连接短信服务');
  }
  return new SmsProviderError('in_doubt', code, message, '短信服务无应答，无法确定是否已发送');
}

function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return String(cause?.code ?? '');
}
