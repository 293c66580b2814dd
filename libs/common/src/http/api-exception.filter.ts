import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { routeOf } from '../logging/access-log';
import { DEPENDENCY_DOWN_MESSAGES, downDependency, RETRY_AFTER_SECONDS } from './dependency-errors';

export interface FieldProblem {
  field: string;
  message: string;
}

/** The error shape of API.md: `{ statusCode, message, errors? }`, never a stack trace. */
export interface ApiError {
  statusCode: number;
  message: string;
  errors?: FieldProblem[];
}

/** Errors raised by the JSON body parser before any controller runs. */
function bodyParserError(error: unknown): ApiError | null {
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.too.large') return { statusCode: 413, message: '请求体过大（上限 1 MB）' };
  if (type === 'entity.parse.failed') return { statusCode: 400, message: '请求体不是有效的 JSON' };
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return { statusCode: 415, message: '请求体编码不受支持，请使用 UTF-8' };
  }
  return null;
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request>();
    const down = downDependency(exception);
    if (down) {
      // A dependency that is down is the client's cue to retry, not a fault of ours.
      this.logFailure('warn', request, `${down} unavailable`, exception);
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      response.status(503).json({ statusCode: 503, message: DEPENDENCY_DOWN_MESSAGES[down] });
      return;
    }
    const body = this.toApiError(exception);
    if (body.statusCode === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (body.statusCode >= 500) this.logFailure('error', request, 'failed', exception);
    response.status(body.statusCode).json(body);
  }

  /**
   * With the error object, so that its stack and cause chain are in the line; through the
   * request's own logger (pino-http's, bound to its `reqId`) when it has one.
   */
  private logFailure(
    level: 'warn' | 'error',
    request: Request,
    what: string,
    exception: unknown,
  ): void {
    const msg = `${request.method} ${routeOf(request) ?? request.path} ${what}`;
    const requestLog = (request as Request & { log?: PinoLogger }).log;
    if (requestLog) {
      requestLog[level]({ context: 'HTTP', err: exception }, msg);
      return;
    }
    const reqId = (request as Request & { id?: string }).id;
    this.logger[level]({ msg, reqId, err: exception });
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'string') return { statusCode: status, message: payload };
      const { message, errors } = payload as {
        message?: string | string[];
        errors?: FieldProblem[];
      };
      return {
        statusCode: status,
        message: Array.isArray(message) ? message.join('；') : (message ?? exception.message),
        ...(errors ? { errors } : {}),
      };
    }
    return (
      bodyParserError(exception) ?? {
        statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
        message: '服务器内部错误，请稍后重试',
      }
    );
  }
}
