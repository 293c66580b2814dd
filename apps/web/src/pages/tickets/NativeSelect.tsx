import type { ChangeEvent } from 'react';

/**
 * A native `<select>` for short fixed lists: every option is exposed to assistive technology
 * (and to role-based tests), and phones show their own picker. Form.Item passes id/value/onChange.
 */
export function NativeSelect({
  id,
  value,
  onChange,
  options,
  emptyLabel = '全部',
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  options: readonly { value: string; label: string }[];
  emptyLabel?: string;
}) {
  return (
    <select
      id={id}
      className="native-select"
      value={value ?? ''}
      onChange={(event: ChangeEvent<HTMLSelectElement>) =>
        onChange?.(event.target.value || undefined)
      }
    >
      <option value="">{emptyLabel}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
