import { Button, Card, Empty, Grid, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { Voicemail } from '../../api/types';
import { usePageTitle } from '../../app/PageTitle';
import { Deadline } from '../../components/Deadline';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../lib/time';
import { useVoicemailQueue } from './useVoicemailQueue';
import { intakeLinkFor, VOICEMAIL_STATUS_LABELS } from './voicemail-queue';
import './voicemails.css';

/** Tag colours with AA contrast (antd's preset warning tag has 3.6:1). */
const STATUS_CLASSES: Record<string, string> = {
  overdue: 'voicemail-overdue',
  due: 'voicemail-due',
};

/** `/voicemails`: after-hours voicemails to log on the next working day (Art. 6). */
export default function VoicemailsPage() {
  usePageTitle('留言');
  const navigate = useNavigate();
  const queue = useVoicemailQueue();
  // On a phone the status and the time left go under the number, so 登记 stays in view.
  const narrow = !Grid.useBreakpoint().sm;
  const statusTag = (status: string) => (
    <Tag className={STATUS_CLASSES[status]}>{VOICEMAIL_STATUS_LABELS[status] ?? status}</Tag>
  );

  const columns: TableColumnsType<Voicemail> = [
    {
      title: '来电号码',
      dataIndex: 'callerPhone',
      key: 'callerPhone',
      render: (phone: string, voicemail: Voicemail) =>
        narrow ? (
          <div className="voicemail-cell">
            <span>{phone}</span>
            {statusTag(voicemail.status)}
          </div>
        ) : (
          phone
        ),
    },
    {
      title: '留言时间',
      dataIndex: 'receivedAt',
      key: 'receivedAt',
      responsive: ['sm'],
      render: (at: string | null) => <time dateTime={at ?? undefined}>{formatTime(at)}</time>,
    },
    {
      title: '应处理时间',
      dataIndex: 'dueAt',
      key: 'dueAt',
      render: (at: string | null) => <Deadline at={at} />,
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      responsive: ['sm'],
      render: statusTag,
    },
    {
      title: '录音',
      dataIndex: 'recordingRef',
      key: 'recordingRef',
      responsive: ['md'],
      render: (ref: string | null) => ref ?? '—',
    },
    {
      title: '操作',
      key: 'log',
      render: (_: unknown, voicemail: Voicemail) => (
        <Button
          autoInsertSpace={false}
          type={voicemail.status === 'waiting' ? 'default' : 'primary'}
          onClick={() => navigate(intakeLinkFor(voicemail.id))}
        >
          登记
        </Button>
      ),
    },
  ];

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        留言待登记
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        非工作时间的来电留言，次一工作日上班时应处理（第六条）：听取留言后点“登记”，号码和来电渠道会自动填入。
      </Typography.Paragraph>
      <ErrorAlert error={queue.error} title="无法读取留言" />
      <Card size={narrow ? 'small' : 'medium'}>
        <Table<Voicemail>
          rowKey="id"
          columns={columns}
          dataSource={queue.data ?? []}
          loading={queue.isPending && !queue.error}
          pagination={false}
          scroll={narrow ? undefined : { x: 'max-content' }}
          size={narrow ? 'small' : 'middle'}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description="没有待登记的留言：已收到的留言都已登记为工单。非工作时间的新留言会出现在这里，次一工作日上班时应处理。"
              />
            ),
          }}
        />
      </Card>
    </div>
  );
}
