import type { SmsFailureClass } from './sms-provider';

/**
 * What Alibaba Cloud's SendSms codes mean for us (help.aliyun.com "国内消息API错误码"):
 * refused for now, where trying later can succeed and nothing was sent; every other code the
 * provider answers with is a refusal no retry cures (empty balance, sign or template rejected,
 * invalid number, limits an administrator set), failed at once and shown to supervisors.
 */
const TRANSIENT_CODES = new Set([
  'isv.BUSINESS_LIMIT_CONTROL',
  'isp.SYSTEM_ERROR',
  'isp.GATEWAY_ERROR',
  'Throttling',
  'Throttling.User',
  'Throttling.Api',
  'ServiceUnavailable',
  'InternalError',
]);

/** The codes supervisors are likely to meet, in words they can act on. */
const REASONS: Readonly<Record<string, string>> = {
  'isv.AMOUNT_NOT_ENOUGH': '短信账户余额不足，请充值',
  'isv.OUT_OF_SERVICE': '短信业务停机（账户欠费），请充值',
  'isv.SMS_SIGNATURE_ILLEGAL': '短信签名不合法或未审核通过',
  'isv.SMS_SIGN_ILLEGAL': '短信签名禁止使用',
  'isv.SIGN_STATE_ILLEGAL': '短信签名状态为不可用',
  'isv.SMS_SIGNATURE_SCENE_ILLEGAL': '短信签名与模板类型不一致',
  'isv.SMS_TEMPLATE_ILLEGAL': '短信模板不合法或未审核通过',
  'isv.TEMPLATE_MISSING_PARAMETERS': '短信模板变量缺少参数',
  'isv.SMS_CONTENT_ILLEGAL': '短信内容含禁止发送的内容',
  'isv.BLACK_KEY_CONTROL_LIMIT': '模板变量含禁止发送的关键字',
  'isv.PARAM_LENGTH_LIMIT': '模板变量过长',
  'isv.PARAM_NOT_SUPPORT_URL': '模板变量不支持网址',
  'isv.INVALID_JSON_PARAM': '模板变量格式错误',
  'isv.INVALID_PARAMETERS': '请求参数异常',
  'isv.MOBILE_NUMBER_ILLEGAL': '手机号码格式错误或不可用',
  'isv.MOBILE_COUNT_OVER_LIMIT': '手机号码数量超过限制',
  'isv.DAY_LIMIT_CONTROL': '已达控制台设置的日发送量限额',
  'isv.MONTH_LIMIT_CONTROL': '已达控制台设置的月发送量限额',
  'isv.PRODUCT_UN_SUBSCRIPT': '账户未开通短信服务',
  'isv.PRODUCT_UNSUBSCRIBE': '账户未开通短信服务',
  'isv.ACCOUNT_NOT_EXISTS': '短信账户不存在（AccessKey有误）',
  'isv.ACCOUNT_ABNORMAL': '短信账户异常',
  'isp.RAM_PERMISSION_DENY': 'AccessKey无短信发送权限',
  'isv.DENY_IP_RANGE': '发送方IP所在地区被禁用',
  'isv.BUSINESS_LIMIT_CONTROL': '触发短信流控（同一号码发送过于频繁）',
  'isp.SYSTEM_ERROR': '短信服务系统错误',
  'isp.GATEWAY_ERROR': '短信网关错误',
  Throttling: '短信接口调用过于频繁',
  'Throttling.User': '短信接口调用过于频繁',
  'Throttling.Api': '短信接口调用过于频繁',
  ServiceUnavailable: '短信服务暂不可用',
  InternalError: '短信服务内部错误',
};

/** Whether a code the provider answered with is worth trying again later. */
export function aliyunFailureClass(code: string): Exclude<SmsFailureClass, 'in_doubt'> {
  return TRANSIENT_CODES.has(code) ? 'transient' : 'permanent';
}

/** The reason shown to supervisors: ours for the known codes, else the provider's message. */
export function aliyunReason(code: string, message: string): string {
  return REASONS[code] ?? (message.trim() || `短信服务商拒绝（${code}）`);
}
