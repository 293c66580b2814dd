import type { FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError, splitFieldErrors } from '../api/errors';

/**
 * Shows an API error on the form: each `errors[].field` the form has at its field, the rest in
 * the form's alert. `fieldNames` are the API's field paths (`caller.phone`).
 */
export function useApiForm(form: FormInstance, fieldNames: readonly string[]) {
  const [formError, setFormError] = useState<unknown>(null);
  const known = new Set(fieldNames);
  return {
    formError,
    clear: () => setFormError(null),
    show(error: unknown) {
      if (error instanceof ApiError && error.errors.length > 0) {
        const { fields, rest } = splitFieldErrors(error.errors, known);
        form.setFields(fields);
        setFormError(
          rest.length > 0
            ? new ApiError(error.status, rest.map((e) => `${e.field}：${e.message}`).join('；'))
            : fields.length > 0
              ? null
              : error,
        );
      } else {
        setFormError(error);
      }
    },
  };
}
