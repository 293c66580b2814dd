import { Button, Empty, Table, type TableColumnsType } from 'antd';
import type { BulletinSummary } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../lib/time';
import { periodText, TRIGGER_LABELS } from './bulletin-view';
import { BULLETIN_PAGE_SIZE, useBulletinList } from './useBulletins';

/** The bulletins, newest first; each opens in the drawer. */
export function BulletinTable({
  page,
  onPage,
  onOpen,
}: {
  page: number;
  onPage: (page: number) => void;
  onOpen: (id: string) => void;
}) {
  const list = useBulletinList(page);
  const columns: TableColumnsType<BulletinSummary> = [
    {
      title: '通报期间',
      key: 'period',
      render: (_, b) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => onOpen(b.id)}
          aria-label={`查看通报 ${periodText(b.period)}（${b.id}）`}
        >
          {periodText(b.period)}
        </Button>
      ),
    },
    {
      title: '通报件数',
      key: 'bulletined',
      width: 90,
      render: (_, b) => b.counts?.bulletined ?? 0,
    },
    { title: '逾期件数', key: 'overdue', width: 90, render: (_, b) => b.counts?.overdue ?? 0 },
    {
      title: '生成方式',
      key: 'trigger',
      width: 110,
      responsive: ['md'],
      render: (_, b) => TRIGGER_LABELS[b.trigger] ?? b.trigger,
    },
    {
      title: '生成时间',
      dataIndex: 'createdAt',
      width: 150,
      responsive: ['sm'],
      render: (v: string) => formatTime(v),
    },
    { title: '编号', dataIndex: 'id', width: 210, responsive: ['lg'] },
  ];

  return (
    <>
      <ErrorAlert error={list.error} title="通报列表加载失败" />
      <Table<BulletinSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: list.error ? (
            '通报列表加载失败'
          ) : list.isPending ? (
            <div style={{ height: 120 }} />
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description="还没有通报。选择期间后点“生成通报”，或等每周一自动生成。"
            />
          ),
        }}
        pagination={{
          current: page,
          pageSize: BULLETIN_PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: onPage,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 期`,
          hideOnSinglePage: true,
        }}
      />
    </>
  );
}
