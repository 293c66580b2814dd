import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake-settings';
import { formatBytes } from './attachment-names';

/** The multipart form field that carries the file. */
export const ATTACHMENT_FIELD = 'file';

/** The 413 message for a limit: `附件不能超过 20 MB`. */
export function tooLargeMessage(maxBytes: number): string {
  return `附件不能超过 ${formatBytes(maxBytes)}`;
}

export function uploadFormProblem(message: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    message: '请求参数有误',
    errors: [{ field: ATTACHMENT_FIELD, message }],
  });
}

/**
 * Reads the upload with Nest's `FileInterceptor` (multer, memory storage — multer's default
 * when no storage is given) under `limits.fileSize = ATTACHMENT_MAX_BYTES`: a larger file is
 * cut off by multer as soon as it passes the limit (at most limit + 1 bytes are ever held),
 * and its 413 is answered in Chinese with the limit. Other multipart errors (a second file, a
 * different field name, a broken body) become a Chinese 400 on `file`. File names are read
 * as UTF-8 (browsers send `filename="起诉状.pdf"` as raw UTF-8, not Latin-1).
 *
 * Only multer's own parsing is translated here: errors of the route handler pass untouched.
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;
  private readonly maxBytes: number;

  constructor(@Inject(INTAKE_SETTINGS) settings: IntakeSettings) {
    this.maxBytes = settings.attachmentMaxBytes;
    const Multer = FileInterceptor(ATTACHMENT_FIELD, {
      limits: { fileSize: this.maxBytes, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 12 },
      defParamCharset: 'utf8',
    });
    this.multer = new Multer();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      // Resolves once multer has read the body; the handler runs later, on subscription.
      return await this.multer.intercept(context, next);
    } catch (error) {
      throw this.translated(error);
    }
  }

  private translated(error: unknown): unknown {
    if (error instanceof PayloadTooLargeException) {
      return new PayloadTooLargeException(tooLargeMessage(this.maxBytes));
    }
    if (error instanceof BadRequestException) {
      return uploadFormProblem(
        `请用 multipart/form-data 上传一个文件，表单字段名为 ${ATTACHMENT_FIELD}`,
      );
    }
    return error;
  }
}
