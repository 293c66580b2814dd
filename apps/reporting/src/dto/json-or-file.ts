import type { Type } from '@nestjs/common';
import { type ApiResponseNoStatusOptions, getSchemaPath } from '@nestjs/swagger';

export const CSV_MEDIA_TYPE = 'text/csv';
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A 200 that is JSON of `model`, or a downloaded file of `fileTypes`. Spelled out per media
 * type because @ApiProduces would give every media type the JSON schema. `model` must also be
 * named in @ApiExtraModels.
 */
export function jsonOrFile(
  model: Type<unknown>,
  fileTypes: string[],
  description: string,
): ApiResponseNoStatusOptions {
  const file = { schema: { type: 'string', format: 'binary' } } as const;
  return {
    description,
    content: {
      'application/json': { schema: { $ref: getSchemaPath(model) } },
      ...Object.fromEntries(fileTypes.map((mediaType) => [mediaType, file])),
    },
  };
}
