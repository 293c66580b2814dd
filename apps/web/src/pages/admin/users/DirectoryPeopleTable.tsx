import type { TableColumnsType } from 'antd';
import { labelOf, ROLE_LABELS } from '../../../lib/labels';
import { SearchableTable } from '../directory/SearchableTable';
import type { DirectoryPerson } from '../directory/useCourtDirectory';

const columns: TableColumnsType<DirectoryPerson> = [
  { title: '姓名', dataIndex: 'name' },
  { title: '用户名', dataIndex: 'id' },
  { title: '角色', dataIndex: 'role', render: (r: string) => labelOf(ROLE_LABELS, r) },
  { title: '职务', dataIndex: 'title', render: (v) => v || '—' },
  { title: '部门', dataIndex: 'departmentName', render: (v) => v ?? '—' },
  { title: '手机号', dataIndex: 'phone', render: (v) => v || '—' },
];

/** Meanwhile: the people of the directory, read-only. */
export function DirectoryPeopleTable({
  people,
  loading,
}: {
  people: DirectoryPerson[];
  loading: boolean;
}) {
  return (
    <SearchableTable<DirectoryPerson>
      label="搜索人员"
      rows={people}
      rowKey="id"
      loading={loading}
      empty="名录中还没有人员。"
      columns={columns}
      fields={(p) => [p.id, p.name, p.title, p.departmentName, labelOf(ROLE_LABELS, p.role)]}
    />
  );
}
