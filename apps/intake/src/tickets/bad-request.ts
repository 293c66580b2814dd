import type { FieldError } from '@court/domain';
import { BadRequestException } from '@nestjs/common';

/** API.md's 400: a message and the problems, each naming its field. */
export function badRequest(
  errors: readonly FieldError[],
  message = '请求参数有误',
): BadRequestException {
  return new BadRequestException({ statusCode: 400, message, errors: [...errors] });
}
