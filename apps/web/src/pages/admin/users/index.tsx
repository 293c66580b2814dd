import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { usePageTitle } from '../../../app/PageTitle';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCourtDirectory } from '../directory/useCourtDirectory';
import { isMissingEndpoint } from '../shared/missing-endpoint';
import { NotAvailable } from '../shared/NotAvailable';
import { AccountsTable } from './AccountsTable';
import { CreateUserModal } from './CreateUserModal';
import { DirectoryPeopleTable } from './DirectoryPeopleTable';
import { ResetPasswordModal } from './ResetPasswordModal';
import '../shared/admin.css';
import { type Account, useAccounts } from './users-api';

export default function UsersPage() {
  usePageTitle('用户管理');
  const accounts = useAccounts();
  const directory = useCourtDirectory();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<Account | null>(null);
  const unavailable = isMissingEndpoint(accounts.error, true);
  const departments = directory.data?.departments ?? [];
  const departmentName = (id: string | null) =>
    id ? (departments.find((d) => d.id === id)?.name ?? id) : '—';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} className="aa-contrast">
      <div className="admin-page-head">
        <div>
          <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
            用户管理
          </Typography.Title>
          <Typography.Text className="text-muted">
            账号、角色和部门；停用的账号立即不能再使用，重置密码后须在下次登录时修改。
          </Typography.Text>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setCreating(true)}
        >
          新建用户
        </Button>
      </div>
      {unavailable ? (
        <>
          <NotAvailable what="账号管理" compact />
          <Card
            size="small"
            title={<h2 style={{ fontSize: 16, margin: 0 }}>名录中的人员（只读）</h2>}
          >
            <ErrorAlert error={directory.error} title="名录加载失败" />
            <DirectoryPeopleTable
              people={directory.data?.people ?? []}
              loading={directory.isPending}
            />
          </Card>
        </>
      ) : (
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>账号</h2>}>
          <ErrorAlert error={accounts.error} title="账号列表加载失败" />
          <AccountsTable
            accounts={accounts.data?.items ?? []}
            loading={accounts.isPending}
            departmentName={departmentName}
            onReset={setResetting}
          />
        </Card>
      )}
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        departments={departments}
      />
      <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />
    </Space>
  );
}
