import { Table, type TableColumnsType } from 'antd';
import { Fragment } from 'react';
import { Link } from 'react-router';
import type { BulletinHandlerGroup } from '../../api/types';
import { groupRows } from './bulletin-view';

type Row = ReturnType<typeof groupRows>[number];

/** Bulletined and overdue counts per department or handler, with the bulletined tickets. */
export function BulletinGroups({
  groups,
  nameTitle,
}: {
  groups: BulletinHandlerGroup[];
  nameTitle: string;
}) {
  const columns: TableColumnsType<Row> = [
    { title: nameTitle, dataIndex: 'name' },
    { title: '通报件数', dataIndex: 'bulletined', width: 90 },
    { title: '逾期件数', dataIndex: 'overdue', width: 90 },
    {
      title: '通报工单',
      dataIndex: 'ids',
      render: (ids: string[]) =>
        ids.length === 0
          ? '—'
          : ids.map((id, i) => (
              <Fragment key={id}>
                {i > 0 && '、'}
                <Link to={`/tickets/${id}`}>{id}</Link>
              </Fragment>
            )),
    },
  ];
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={groupRows(groups)}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '本期没有通报或逾期的工单' }}
    />
  );
}
