import { Tag } from 'antd';
import { LIGHT_TEXT, type LightInput, lightOf } from '../lib/lights';
import { useNow } from './useNow';

/** `红灯` / `黄灯` for a ticket (nothing when neither). */
export function Light({ ticket }: { ticket: LightInput }) {
  const now = useNow();
  const light = lightOf(ticket, now);
  if (!light) return null;
  return (
    <Tag className={`light-${light}`} variant="filled">
      {LIGHT_TEXT[light]}
    </Tag>
  );
}
