import { Typography } from 'antd';
import { countdown, formatTime } from '../lib/time';
import { useNow } from './useNow';

/** A deadline as `YYYY-MM-DD HH:mm` and its countdown (`剩余 1天3小时`, `已超期 5小时`). */
export function Deadline({ at, done = false }: { at: string | null | undefined; done?: boolean }) {
  const now = useNow();
  if (!at) return <Typography.Text type="secondary">—</Typography.Text>;
  const left = done ? null : countdown(at, now);
  return (
    <span>
      <time dateTime={at}>{formatTime(at)}</time>
      {left && (
        <Typography.Text
          type={left.overdue ? 'danger' : undefined}
          strong={left.overdue}
          style={{ marginInlineStart: 8 }}
        >
          {left.text}
        </Typography.Text>
      )}
    </span>
  );
}
