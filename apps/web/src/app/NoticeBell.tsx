import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { labelOf, NOTICE_KIND_LABELS } from '../lib/labels';
import { formatTime } from '../lib/time';
import { useNotices } from '../notices/NoticeProvider';

/** The `通知` control: unread count, the latest notices, each opening its ticket. */
export function NoticeBell() {
  const { notices, unread, markRead } = useNotices();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const content = (
    <div style={{ width: 'min(360px, 86vw)', maxHeight: 420, overflowY: 'auto' }}>
      {notices.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="暂无通知：有新的转办、催办或层报时会在这里出现"
        />
      ) : (
        <ul className="notice-list">
          {notices.slice(0, 30).map((n) => (
            <li key={n.id} className={n.readAt ? undefined : 'notice-unread'}>
              <button
                type="button"
                className="notice-item"
                onClick={() => {
                  setOpen(false);
                  if (!n.readAt) void markRead(n.id);
                  if (n.ticketId) navigate(`/tickets/${n.ticketId}`);
                }}
              >
                <strong>
                  [{labelOf(NOTICE_KIND_LABELS, n.kind)}] {n.ticketId ?? ''}
                </strong>
                <span className="notice-text">{n.text}</span>
                <span className="notice-time">{formatTime(n.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <>
      <Popover
        content={content}
        trigger="click"
        open={open}
        onOpenChange={setOpen}
        placement="bottomRight"
        title="通知"
      >
        <Button type="text" aria-describedby="unread-count" icon={<BellOutlined aria-hidden />}>
          通知
          <Badge count={unread} size="small" offset={[4, -12]} aria-hidden />
        </Button>
      </Popover>
      <span id="unread-count" className="visually-hidden">
        {unread > 0 ? `${unread} 条未读` : '没有未读通知'}
      </span>
    </>
  );
}
