/** API.md's error body, and what the UI does with it. */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const STATUS_MESSAGES: Record<number, string> = {
  401: '登录已失效，请重新登录',
  403: '无权进行此操作',
  404: '未找到',
  409: '当前状态不允许此操作',
  413: '文件或内容过大',
  429: '操作过于频繁，请稍后再试',
  503: '服务暂不可用，请稍后重试',
};

export function apiErrorFrom(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as { message?: unknown; errors?: unknown };
  const message =
    typeof b.message === 'string'
      ? b.message
      : Array.isArray(b.message)
        ? b.message.join('；')
        : (STATUS_MESSAGES[status] ?? `请求失败（${status}）`);
  const errors = Array.isArray(b.errors)
    ? b.errors.filter(
        (e): e is FieldError => !!e && typeof e.field === 'string' && typeof e.message === 'string',
      )
    : [];
  return new ApiError(status, message, errors);
}

/** The message to show for any thrown value. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return `无权访问：${error.message}`;
    return error.message;
  }
  if (error instanceof TypeError) return '网络连接失败，请检查网络后重试';
  return error instanceof Error ? error.message : String(error);
}

/**
 * API field paths (`caller.phone`, `override.reason`) as antd form names, keeping only errors of
 * fields the form has; the rest go to the form's alert.
 */
export function splitFieldErrors(
  errors: readonly FieldError[],
  formFields: ReadonlySet<string>,
): { fields: { name: (string | number)[]; errors: string[] }[]; rest: FieldError[] } {
  const byField = new Map<string, string[]>();
  const rest: FieldError[] = [];
  for (const error of errors) {
    if (formFields.has(error.field)) {
      byField.set(error.field, [...(byField.get(error.field) ?? []), error.message]);
    } else {
      rest.push(error);
    }
  }
  return {
    fields: [...byField].map(([field, messages]) => ({ name: field.split('.'), errors: messages })),
    rest,
  };
}
