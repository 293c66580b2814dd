import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Radio, Space, Table, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { ApiError, authorisedFetch } from '../../../api/client';
import type { FieldError } from '../../../api/errors';
import type { components } from '../../../api/generated/intake';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { rowOf } from './import-errors';

type ImportResult = components['schemas']['DirectoryImportResult'];
type Kind = ImportResult['kind'];

const KINDS: { value: Kind; label: string; columns: string }[] = [
  { value: 'cases', label: '案件', columns: '案号,承办法官,案由' },
  { value: 'people', label: '人员', columns: '工号,姓名,角色,职务,部门,手机号' },
];

async function upload(kind: Kind, file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file);
  const response = await authorisedFetch('/api/directory/import', { method: 'POST', body: form });
  return (await response.json()) as ImportResult;
}

/** Import cases or people from the trial-process system's CSV export: all rows or none. */
export function ImportDirectory() {
  const fileId = useId();
  const kindId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<Kind>('cases');
  const [file, setFile] = useState<File | null>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (args: { kind: Kind; file: File }) => upload(args.kind, args.file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['directory'] }),
  });
  const rowErrors: FieldError[] =
    save.error instanceof ApiError && save.error.status === 400 ? save.error.errors : [];
  const columns = KINDS.find((k) => k.value === kind)!.columns;

  return (
    <Card title="从 CSV 文件导入" size="small">
      <Form layout="vertical" component="div">
        <Typography.Paragraph className="text-muted" style={{ marginBottom: 12 }}>
          审判流程管理系统导出的 CSV（UTF-8 或 GBK），首行为表头：<code>{columns}</code>
          。按案号或工号新增或更新；任一行有误则整个文件都不导入。
        </Typography.Paragraph>
        <Space wrap size={24} align="end">
          <Form.Item label={<span id={kindId}>导入类型</span>} style={{ marginBottom: 0 }}>
            <Radio.Group
              aria-labelledby={kindId}
              optionType="button"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as Kind);
                save.reset();
              }}
              options={KINDS.map((k) => ({ value: k.value, label: k.label }))}
            />
          </Form.Item>
          <Form.Item label="CSV 文件" htmlFor={fileId} style={{ marginBottom: 0 }}>
            <input
              id={fileId}
              ref={input}
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                save.reset();
              }}
            />
          </Form.Item>
          <Button
            type="primary"
            icon={<UploadOutlined aria-hidden />}
            disabled={!file}
            loading={save.isPending}
            onClick={() => {
              if (file) save.mutate({ kind, file });
            }}
          >
            导入
          </Button>
        </Space>
        <div style={{ marginTop: 12 }}>
          {save.data && (
            <Alert
              type="success"
              showIcon
              role="status"
              title={`导入完成（${save.data.kind === 'cases' ? '案件' : '人员'}）：新增 ${save.data.created} 条，更新 ${save.data.updated} 条，未变 ${save.data.unchanged} 条`}
            />
          )}
          <ErrorAlert error={save.error} title="导入失败，名录未做任何修改" />
          {rowErrors.length > 0 && (
            <Table<FieldError & { key: number }>
              size="small"
              pagination={rowErrors.length > 10 ? { pageSize: 10 } : false}
              dataSource={rowErrors.map((e, key) => ({ ...e, key }))}
              aria-label="导入错误"
              columns={[
                {
                  title: '行',
                  width: 80,
                  render: (_, e) => rowOf(e.field).row ?? '—',
                },
                { title: '列', width: 120, render: (_, e) => rowOf(e.field).column },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          )}
        </div>
      </Form>
    </Card>
  );
}
