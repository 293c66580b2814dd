import { aliyunFailureClass, aliyunReason } from './aliyun-sms-codes';

describe('Alibaba Cloud SendSms codes', () => {
  it.each([
    'isv.BUSINESS_LIMIT_CONTROL',
    'isp.SYSTEM_ERROR',
    'isp.GATEWAY_ERROR',
    'Throttling.User',
    'ServiceUnavailable',
  ])('%s is a refusal for now', (code) => {
    expect(aliyunFailureClass(code)).toBe('transient');
  });

  it.each([
    ['isv.AMOUNT_NOT_ENOUGH', '余额不足'],
    ['isv.OUT_OF_SERVICE', '停机'],
    ['isv.SMS_SIGNATURE_ILLEGAL', '签名'],
    ['isv.SMS_SIGN_ILLEGAL', '签名'],
    ['isv.SMS_TEMPLATE_ILLEGAL', '模板'],
    ['isv.TEMPLATE_MISSING_PARAMETERS', '模板变量'],
    ['isv.MOBILE_NUMBER_ILLEGAL', '手机号码'],
    ['isv.DAY_LIMIT_CONTROL', '日发送量'],
    ['isp.RAM_PERMISSION_DENY', '权限'],
  ])('%s is a refusal for good, told in Chinese', (code, words) => {
    expect(aliyunFailureClass(code)).toBe('permanent');
    expect(aliyunReason(code, 'whatever')).toContain(words);
  });

  it('an unknown code is for good, with the provider’s message', () => {
    expect(aliyunFailureClass('isv.SOMETHING_NEW')).toBe('permanent');
    expect(aliyunReason('isv.SOMETHING_NEW', '新的错误')).toBe('新的错误');
    expect(aliyunReason('isv.SOMETHING_NEW', '')).toContain('isv.SOMETHING_NEW');
  });
});
