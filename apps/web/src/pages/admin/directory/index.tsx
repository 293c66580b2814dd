import { Alert, Space, Tabs, Typography } from 'antd';
import { usePageTitle } from '../../../app/PageTitle';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { labelOf, ROLE_LABELS } from '../../../lib/labels';
import { ImportDirectory } from './ImportDirectory';
import { SearchableTable } from './SearchableTable';
import {
  type DirectoryCase,
  type DirectoryDepartment,
  type DirectoryPerson,
  useCourtDirectory,
} from './useCourtDirectory';

export default function DirectoryPage() {
  usePageTitle('名录管理');
  const directory = useCourtDirectory();
  const people = directory.data?.people ?? [];
  const nameOf = (id: string | null | undefined) =>
    id ? (people.find((p) => p.id === id)?.name ?? id) : '—';
  const loading = directory.isPending;

  const departments = (
    <SearchableTable<DirectoryDepartment>
      label="搜索部门"
      rows={directory.data?.departments ?? []}
      rowKey="id"
      loading={loading}
      empty="名录中还没有部门。"
      fields={(d) => [d.id, d.name, nameOf(d.headId)]}
      columns={[
        { title: '部门', dataIndex: 'name' },
        { title: '编号', dataIndex: 'id' },
        { title: '负责人', dataIndex: 'headId', render: nameOf },
        { title: '副庭长', dataIndex: 'viceChiefId', render: nameOf },
        { title: '庭长', dataIndex: 'chiefId', render: nameOf },
        { title: '分管院领导', dataIndex: 'vicePresidentId', render: nameOf },
      ]}
    />
  );
  const persons = (
    <SearchableTable<DirectoryPerson>
      label="搜索人员"
      rows={people}
      rowKey="id"
      loading={loading}
      empty="名录中还没有人员。"
      fields={(p) => [p.id, p.name, p.title, p.departmentName, labelOf(ROLE_LABELS, p.role)]}
      columns={[
        { title: '姓名', dataIndex: 'name' },
        { title: '用户名', dataIndex: 'id' },
        { title: '角色', dataIndex: 'role', render: (r: string) => labelOf(ROLE_LABELS, r) },
        { title: '职务', dataIndex: 'title', render: (v) => v || '—' },
        { title: '部门', dataIndex: 'departmentName', render: (v) => v ?? '—' },
        { title: '手机号', dataIndex: 'phone', render: (v) => v || '—' },
      ]}
    />
  );
  const cases = (
    <SearchableTable<DirectoryCase>
      label="搜索案件"
      rows={directory.data?.cases ?? []}
      rowKey="number"
      loading={loading}
      empty="名录中还没有案件。"
      fields={(c) => [c.number, c.cause, nameOf(c.presidingJudgeId)]}
      columns={[
        { title: '案号', dataIndex: 'number' },
        { title: '案由', dataIndex: 'cause', render: (v) => v || '—' },
        { title: '承办法官', dataIndex: 'presidingJudgeId', render: nameOf },
      ]}
    />
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} className="aa-contrast">
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
          名录管理
        </Typography.Title>
        <Typography.Text className="text-muted">
          部门、人员和案件决定来电转办给谁；手机号已脱敏显示。
        </Typography.Text>
      </div>
      <ErrorAlert error={directory.error} title="名录加载失败" />
      <Alert
        type="info"
        showIcon
        title="名录可从 CSV 文件导入"
        description="逐条编辑部门、人员和案件的功能尚未开放。"
      />
      <ImportDirectory />
      <Tabs
        items={[
          { key: 'people', label: `人员（${people.length}）`, children: persons },
          {
            key: 'departments',
            label: `部门（${directory.data?.departments.length ?? 0}）`,
            children: departments,
          },
          { key: 'cases', label: `案件（${directory.data?.cases.length ?? 0}）`, children: cases },
        ]}
      />
    </Space>
  );
}
