import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Typography } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/time';
import { ledgerFileName, percentOf, progressText, sizeText } from './download-progress';
import { exportPath, type LedgerFilters } from './ledger-filters';
import { useFileDownload } from './useLedgerDownload';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `导出 Excel`: every ticket matching the filters (not only this page), with its progress. */
export function ExportPanel({ filters, disabled }: { filters: LedgerFilters; disabled: boolean }) {
  const { state, start, cancel, reset } = useFileDownload();
  const running = state.phase === 'running';

  function exportNow() {
    const name = ledgerFileName(formatDate(Date.now()), { from: filters.from, to: filters.to });
    void start(exportPath(filters), name, XLSX);
  }

  return (
    <div className="ledger-export">
      <Space wrap>
        <Button
          type="primary"
          icon={<DownloadOutlined aria-hidden />}
          onClick={exportNow}
          loading={running}
          disabled={disabled}
        >
          导出 Excel
        </Button>
        {running && <Button onClick={cancel}>取消导出</Button>}
      </Space>
      <div aria-live="polite" className="ledger-export-status">
        {running && (
          <div>
            <Progress
              percent={percentOf(state.progress) ?? 100}
              status="active"
              showInfo={false}
              size="small"
              aria-label="导出进度"
            />
            <Typography.Text className="text-muted">
              正在导出：{progressText(state.progress)}
            </Typography.Text>
          </div>
        )}
        {state.phase === 'done' && (
          <Alert
            type="success"
            showIcon
            closable={{ onClose: reset, 'aria-label': '关闭' }}
            title={`已导出 ${state.fileName}（${sizeText(state.size)}）`}
          />
        )}
        {state.phase === 'cancelled' && (
          <Alert
            type="info"
            showIcon
            closable={{ onClose: reset, 'aria-label': '关闭' }}
            title="已取消导出"
          />
        )}
      </div>
      {state.phase === 'failed' && <ErrorAlert error={state.error} title="导出失败" />}
    </div>
  );
}
