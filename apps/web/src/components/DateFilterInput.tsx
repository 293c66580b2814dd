import { Input } from 'antd';
import { useEffect, useState } from 'react';

/** A whole civil date of this century or the last: what a filter may use. */
export const FILTER_DATE = /^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * A native date field for a filter kept in the URL: it passes a date on only once it is whole
 * and plausible (typing a year digit by digit goes through 0002, 0020, 0202 …), or when cleared.
 */
export function DateFilterInput({
  id,
  value,
  min,
  max,
  invalid,
  onChange,
}: {
  id: string;
  value: string | undefined;
  min?: string;
  max?: string;
  invalid?: boolean;
  onChange: (date: string | undefined) => void;
}) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  return (
    <Input
      id={id}
      type="date"
      value={draft}
      min={min}
      max={max}
      aria-invalid={invalid ? true : undefined}
      onChange={(e) => {
        const next = e.target.value;
        setDraft(next);
        if (next === '') onChange(undefined);
        else if (FILTER_DATE.test(next)) onChange(next);
      }}
    />
  );
}
