import { BadRequestException } from '@nestjs/common';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** The `Idempotency-Key` header as sent, or 400 when it is not 1–200 visible ASCII characters. */
export function checkedIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined || IDEMPOTENCY_KEY.test(key)) return key;
  throw new BadRequestException({
    statusCode: 400,
    message: '请求参数有误',
    errors: [{ field: 'Idempotency-Key', message: 'Idempotency-Key 应为1-200个可见ASCII字符' }],
  });
}
