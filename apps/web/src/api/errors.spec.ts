import { ApiError, apiErrorFrom, errorText, splitFieldErrors } from './errors';

describe('API errors as the UI shows them', () => {
  it('reads API.md’s error body, and says something in Chinese when there is none', () => {
    const error = apiErrorFrom(400, {
      statusCode: 400,
      message: '请求参数有误',
      errors: [{ field: 'caller.phone', message: '电话号码格式不正确' }],
    });
    expect(error).toMatchObject({ status: 400, message: '请求参数有误' });
    expect(error.errors).toEqual([{ field: 'caller.phone', message: '电话号码格式不正确' }]);
    expect(apiErrorFrom(503, null).message).toBe('服务暂不可用，请稍后重试');
    expect(apiErrorFrom(418, 'teapot').message).toBe('请求失败（418）');
  });

  it('says a refusal is one', () => {
    expect(errorText(new ApiError(403, '无权操作：需要角色 agent'))).toBe(
      '无权访问：无权操作：需要角色 agent',
    );
    expect(errorText(new TypeError('Failed to fetch'))).toBe('网络连接失败，请检查网络后重试');
  });

  it('puts each error at its form field by path, and keeps the rest for the alert', () => {
    const { fields, rest } = splitFieldErrors(
      [
        { field: 'caller.phone', message: '电话号码格式不正确' },
        { field: 'caller.phone', message: '必填' },
        { field: 'Idempotency-Key', message: '格式不对' },
      ],
      new Set(['caller.phone', 'content']),
    );
    expect(fields).toEqual([{ name: ['caller', 'phone'], errors: ['电话号码格式不正确', '必填'] }]);
    expect(rest).toEqual([{ field: 'Idempotency-Key', message: '格式不对' }]);
  });
});
