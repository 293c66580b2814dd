import { Card, Typography } from 'antd';
import type { TimelineEntry } from '../../../api/types';
import { labelOf, TIMELINE_KIND_LABELS } from '../../../lib/labels';
import { formatTime } from '../../../lib/time';
import { type DirectoryLookup, personName } from '../directory';
import { readableNote } from '../lifecycle';

/** `处理记录`: every step of the ticket's life, oldest first, with who and when. */
export function TimelineSection({
  timeline,
  directory,
}: {
  timeline: readonly TimelineEntry[];
  directory: DirectoryLookup | undefined;
}) {
  return (
    <section aria-labelledby="ticket-timeline-title">
      <Card
        title={
          <h2 id="ticket-timeline-title" className="ticket-card-title">
            处理记录
          </h2>
        }
        size="small"
      >
        {timeline.length === 0 ? (
          <Typography.Text type="secondary">暂无处理记录。</Typography.Text>
        ) : (
          <ol className="ticket-timeline">
            {timeline.map((entry, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the timeline only grows at its end
              <li key={`${entry.at}-${entry.kind}-${index}`} className={`tl-${entry.kind}`}>
                <div className="ticket-timeline-head">
                  <strong>{labelOf(TIMELINE_KIND_LABELS, entry.kind)}</strong>
                  <span className="ticket-timeline-meta">
                    {personName(directory, entry.actor)}
                    {' · '}
                    <time dateTime={entry.at ?? undefined}>{formatTime(entry.at)}</time>
                  </span>
                </div>
                {entry.note && (
                  <div className="ticket-prose ticket-timeline-note">
                    {readableNote(entry.note)}
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </section>
  );
}
