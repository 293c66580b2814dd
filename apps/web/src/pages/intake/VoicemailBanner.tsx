import { Alert } from 'antd';
import { Link } from 'react-router';
import type { Voicemail } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../lib/time';

/** Which voicemail this fill logs (Art. 6), or why it cannot. */
export function VoicemailBanner({
  voicemailId,
  voicemail,
  error,
}: {
  voicemailId: string;
  voicemail: Voicemail | undefined;
  error: unknown;
}) {
  if (error) return <ErrorAlert error={error} title={`无法读取留言 ${voicemailId}`} />;
  if (voicemail?.status === 'logged' && voicemail.ticketId) {
    return (
      <Alert
        type="warning"
        showIcon
        className="intake-banner"
        title={
          <span>
            留言 {voicemailId} 已登记为工单{' '}
            <Link to={`/tickets/${encodeURIComponent(voicemail.ticketId)}`}>
              {voicemail.ticketId}
            </Link>
          </span>
        }
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      className="intake-banner"
      title={`登记留言 ${voicemailId}`}
      description={
        voicemail
          ? `留言时间 ${formatTime(voicemail.receivedAt)}${voicemail.recordingRef ? `，录音 ${voicemail.recordingRef}` : ''}；来电渠道：留言`
          : '正在读取留言…'
      }
    />
  );
}
