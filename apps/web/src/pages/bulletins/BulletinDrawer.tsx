import { Alert, Button, Descriptions, Drawer, Grid, Skeleton, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { BulletinDetail } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../lib/time';
import { useCourtDirectory } from '../admin/directory/useCourtDirectory';
import { sizeText } from '../ledger/download-progress';
import { useFileDownload } from '../ledger/useLedgerDownload';
import { BulletinEntries } from './BulletinEntries';
import { BulletinFigures } from './BulletinFigures';
import { BulletinGroups } from './BulletinGroups';
import { bulletinFileName, periodText, TRIGGER_LABELS } from './bulletin-view';
import { useBulletin } from './useBulletins';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="bulletin-section">
      <h3 className="bulletin-section-title">{title}</h3>
      {children}
    </section>
  );
}

function ExportBulletin({ id }: { id: string }) {
  const { state, start, cancel } = useFileDownload();
  const running = state.phase === 'running';
  return (
    <Space wrap aria-live="polite">
      <Button
        loading={running}
        onClick={() =>
          void start(
            `/api/bulletins/${encodeURIComponent(id)}?format=xlsx`,
            bulletinFileName(id),
            XLSX,
          )
        }
      >
        导出通报 Excel
      </Button>
      {running && (
        <>
          <Typography.Text className="text-muted">
            已接收 {sizeText(state.progress.received)}
          </Typography.Text>
          <Button size="small" onClick={cancel}>
            取消
          </Button>
        </>
      )}
      {state.phase === 'done' && (
        <Typography.Text type="success">已导出 {state.fileName}</Typography.Text>
      )}
      {state.phase === 'failed' && <ErrorAlert error={state.error} title="导出失败" />}
    </Space>
  );
}

function BulletinBody({ bulletin }: { bulletin: BulletinDetail }) {
  const directory = useCourtDirectory();
  const requester = bulletin.requestedBy
    ? (directory.data?.people.find((p) => p.id === bulletin.requestedBy)?.name ??
      bulletin.requestedBy)
    : null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'period', label: '通报期间', children: periodText(bulletin.period) },
          {
            key: 'trigger',
            label: '生成方式',
            children: `${TRIGGER_LABELS[bulletin.trigger] ?? bulletin.trigger}${
              requester ? `（${requester}）` : ''
            }`,
          },
          { key: 'created', label: '生成时间', children: formatTime(bulletin.createdAt) },
          {
            key: 'announced',
            label: '已通知',
            children:
              bulletin.announcedTo.length > 0 ? `${bulletin.announcedTo.length} 人/组` : '—',
          },
        ]}
      />
      <ExportBulletin id={bulletin.id} />
      {bulletin.truncated && (
        <Alert
          type="warning"
          showIcon
          title="本期工单过多，清单只列出了一部分；件数为准确数字，完整清单请导出 Excel。"
        />
      )}
      <Section title="期间指标">
        <BulletinFigures figures={bulletin.figures} />
      </Section>
      <Section
        title={`按承办部门（通报 ${bulletin.counts.bulletined} 件，逾期 ${bulletin.counts.overdue} 件）`}
      >
        <BulletinGroups groups={bulletin.byDepartment} nameTitle="承办部门" />
      </Section>
      <Section title="按承办人">
        <BulletinGroups groups={bulletin.byHandler} nameTitle="承办人" />
      </Section>
      <Section title="通报工单">
        <BulletinEntries entries={bulletin.bulletined} empty="本期没有被列入通报的工单" />
      </Section>
      <Section title="逾期工单">
        <BulletinEntries entries={bulletin.overdue} empty="本期没有逾期的工单" />
      </Section>
    </Space>
  );
}

/** One bulletin in a drawer, opened from the list (its id is in the URL, so it can be shared). */
export function BulletinDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const bulletin = useBulletin(id);
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      title={bulletin.data ? `情况通报 ${periodText(bulletin.data.period)}` : '情况通报'}
      size={screens.lg ? 960 : '100%'}
      closable={{ 'aria-label': '关闭' }}
      destroyOnHidden
      rootClassName="aa-contrast"
    >
      <ErrorAlert error={bulletin.error} title="通报加载失败" />
      {bulletin.isPending && id && <Skeleton active paragraph={{ rows: 10 }} />}
      {bulletin.data && <BulletinBody bulletin={bulletin.data} />}
    </Drawer>
  );
}
