import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Progress, Typography } from 'antd';
import { type ChangeEvent, type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../../api/errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatTime } from '../../../lib/time';
import { sizeText } from '../../ledger/download-progress';
import { useFileDownload } from '../../ledger/useLedgerDownload';
import { type DirectoryLookup, personName } from '../directory';
import { ATTACHMENT_ACCEPT, attachmentProblem, uploadErrorText } from '../lifecycle';
import { attachmentPath, fetchAttachments, uploadAttachment } from '../ticket-api';

type Upload =
  | { phase: 'idle' }
  | { phase: 'running'; name: string; percent: number }
  | { phase: 'failed'; name: string; error: unknown };

/** The upload's error in Chinese (413, 415 and the API's own messages). */
function uploadError(error: unknown): unknown {
  if (error instanceof ApiError) {
    return new ApiError(error.status, uploadErrorText(error.status, error.message));
  }
  return error;
}

/**
 * `附件`: the files attached to the ticket, each a download link named by its file name; and,
 * for whoever may, `上传附件` (a file input: the file is sent as soon as it is chosen).
 */
export function AttachmentsSection({
  ticketId,
  directory,
  canUpload,
}: {
  ticketId: string;
  directory: DirectoryLookup | undefined;
  canUpload: boolean;
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const list = useQuery({
    queryKey: ['ticket', ticketId, 'attachments'],
    queryFn: () => fetchAttachments(ticketId),
  });
  const download = useFileDownload();
  const [upload, setUpload] = useState<Upload>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const inputId = useId();
  useEffect(() => () => abort.current?.abort(), []);

  async function send(file: File) {
    const problem = attachmentProblem(file);
    if (problem) {
      setUpload({ phase: 'failed', name: file.name, error: new Error(problem) });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setUpload({ phase: 'running', name: file.name, percent: 0 });
    try {
      const saved = await uploadAttachment(
        ticketId,
        file,
        (sent, total) =>
          setUpload({
            phase: 'running',
            name: file.name,
            percent: Math.min(99, Math.floor((sent / total) * 100)),
          }),
        controller.signal,
      );
      setUpload({ phase: 'idle' });
      void message.success(`上传成功：${saved?.name ?? file.name}`);
      // The list, and the ticket's timeline (上传附件).
      await queryClient.invalidateQueries({ queryKey: ['ticket', ticketId] });
    } catch (error) {
      if (controller.signal.aborted) setUpload({ phase: 'idle' });
      else setUpload({ phase: 'failed', name: file.name, error: uploadError(error) });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }

  function onChoose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // The same file may be chosen again after a failure.
    event.target.value = '';
    if (file) void send(file);
  }

  function onDownload(
    event: MouseEvent<HTMLAnchorElement>,
    id: string,
    name: string,
    type: string,
  ) {
    // The session is a bearer token, not a cookie: the file is fetched with it and then saved.
    event.preventDefault();
    void download.start(attachmentPath(ticketId, id), name, type);
  }

  const items = list.data ?? [];
  const running = upload.phase === 'running';
  return (
    <section aria-labelledby="ticket-attachments-title">
      <Card
        title={
          <h2 id="ticket-attachments-title" className="ticket-card-title">
            附件
          </h2>
        }
        size="small"
      >
        {list.isError ? (
          <ErrorAlert error={list.error} title="无法读取附件" />
        ) : list.isPending ? (
          <Typography.Text type="secondary">正在读取附件…</Typography.Text>
        ) : items.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            暂无附件。
          </Typography.Paragraph>
        ) : (
          <ul className="ticket-attachments">
            {items.map((item) => (
              <li key={item.id} className="ticket-attachment">
                <PaperClipOutlined aria-hidden className="ticket-attachment-icon" />
                <a
                  href={attachmentPath(ticketId, item.id)}
                  download={item.name}
                  onClick={(event) => onDownload(event, item.id, item.name, item.contentType)}
                >
                  {item.name}
                </a>
                <span className="ticket-attachment-meta">
                  {sizeText(item.size)}
                  {item.uploadedBy ? ` · ${personName(directory, item.uploadedBy)}` : ''}
                  {item.uploadedAt ? ` · ${formatTime(item.uploadedAt)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
        <div aria-live="polite">
          {download.state.phase === 'running' && (
            <Typography.Text type="secondary">正在下载…</Typography.Text>
          )}
        </div>
        {download.state.phase === 'failed' && (
          <ErrorAlert error={download.state.error} title="下载失败" />
        )}
        {canUpload && (
          <div className="ticket-upload">
            <input
              id={inputId}
              type="file"
              className="visually-hidden"
              accept={ATTACHMENT_ACCEPT}
              disabled={running}
              onChange={onChoose}
            />
            <label
              htmlFor={inputId}
              className={`ticket-upload-button${running ? ' is-disabled' : ''}`}
            >
              <UploadOutlined aria-hidden />
              上传附件
            </label>
            <Typography.Text type="secondary" className="ticket-upload-hint">
              PDF、图片、Word、MP3、WAV，单个不超过 20 MB
            </Typography.Text>
            <div aria-live="polite" className="ticket-upload-status">
              {running && (
                <div className="ticket-upload-progress">
                  <Typography.Text>
                    正在上传 {upload.name}（{upload.percent}%）
                  </Typography.Text>
                  <Progress
                    percent={upload.percent}
                    size="small"
                    status="active"
                    aria-label="上传进度"
                  />
                </div>
              )}
            </div>
            {upload.phase === 'failed' && (
              <div className="ticket-upload-status">
                <ErrorAlert error={upload.error} title={`上传失败：${upload.name}`} />
              </div>
            )}
          </div>
        )}
      </Card>
    </section>
  );
}
