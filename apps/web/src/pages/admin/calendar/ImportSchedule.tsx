import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import { useId, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isMissingEndpoint } from '../shared/missing-endpoint';
import { NotAvailable } from '../shared/NotAvailable';
import { useImportCalendar } from './calendar-api';
import { type ParsedSchedule, parseSchedule } from './calendar-import';

/** Import the year's official schedule (国务院办公厅放假安排) from a CSV or JSON file. */
export function ImportSchedule({ year }: { year: number }) {
  const fileId = useId();
  const [parsed, setParsed] = useState<(ParsedSchedule & { file: string }) | null>(null);
  const [note, setNote] = useState('');
  const save = useImportCalendar(year);
  const { message } = App.useApp();

  async function read(file: File | undefined) {
    save.reset();
    if (!file) return setParsed(null);
    setParsed({ ...parseSchedule(await file.text(), year), file: file.name });
  }

  async function submit() {
    if (!parsed) return;
    try {
      const calendar = await save.mutateAsync({ days: parsed.days, note: note.trim() });
      message.success(
        `${year} 年日历已更新为正式安排（第 ${calendar.version} 版），在办工单和待处理留言正按新日历重算期限`,
      );
      setParsed(null);
    } catch {
      // shown below
    }
  }

  const ready = !!parsed && parsed.problems.length === 0 && parsed.days.length > 0;
  return (
    <Form layout="vertical" component="div">
      <Typography.Paragraph className="text-muted">
        文件每行一个与“周一至周五上班”不同的日子：<code>日期,类别,名称</code>，类别为
        <code>休</code>（节假日）或<code>班</code>（调休上班），如{' '}
        <code>{year}-10-01,休,国庆节</code>
        ；也可用 JSON <code>{'{ "days": [{ "date", "kind", "name" }] }'}</code>
        。导入后所有在办工单按新日历重算期限。
      </Typography.Paragraph>
      <Form.Item label="放假安排文件" htmlFor={fileId}>
        <input
          id={fileId}
          type="file"
          accept=".csv,.json,.txt,text/csv,application/json"
          onChange={(e) => void read(e.target.files?.[0])}
        />
      </Form.Item>
      {parsed && parsed.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={`${parsed.file} 有 ${parsed.problems.length} 处问题，请修改后重新选择`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {parsed.problems.slice(0, 10).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {ready && (
        <Alert
          type="info"
          showIcon
          title={`${parsed.file}：${parsed.days.filter((d) => d.kind === 'holiday').length} 个节假日，${parsed.days.filter((d) => d.kind === 'workday').length} 个调休上班日`}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form.Item label="说明" htmlFor={`${fileId}-note`}>
        <Input
          id={`${fileId}-note`}
          value={note}
          maxLength={200}
          placeholder={`如：国务院办公厅关于${year}年部分节假日安排的通知`}
          onChange={(e) => setNote(e.target.value)}
        />
      </Form.Item>
      {isMissingEndpoint(save.error, true) ? (
        <NotAvailable what="导入法院日历" compact />
      ) : (
        <ErrorAlert error={save.error} title="导入失败" />
      )}
      <Space>
        <Button
          type="primary"
          icon={<UploadOutlined aria-hidden />}
          disabled={!ready}
          loading={save.isPending}
          onClick={submit}
        >
          导入
        </Button>
      </Space>
    </Form>
  );
}
