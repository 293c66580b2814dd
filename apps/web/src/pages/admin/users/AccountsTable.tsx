import { App, Button, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import { errorText } from '../../../api/errors';
import { labelOf, ROLE_LABELS } from '../../../lib/labels';
import { formatTime } from '../../../lib/time';
import { isMissingEndpoint } from '../shared/missing-endpoint';
import { type Account, useSetDisabled } from './users-api';

/** The accounts with their state, and disable / enable / reset password on each. */
export function AccountsTable({
  accounts,
  loading,
  departmentName,
  onReset,
}: {
  accounts: Account[];
  loading: boolean;
  departmentName: (id: string | null) => string;
  onReset: (account: Account) => void;
}) {
  const setDisabled = useSetDisabled();
  const { message } = App.useApp();

  async function toggle(account: Account) {
    try {
      await setDisabled.mutateAsync({ id: account.id, disabled: !account.disabled });
      message.success(`${account.name} 已${account.disabled ? '启用' : '停用'}`);
    } catch (error) {
      message.error(
        isMissingEndpoint(error) ? '停用/启用功能的服务端接口尚未提供' : errorText(error),
      );
    }
  }

  const columns: TableColumnsType<Account> = [
    { title: '姓名', dataIndex: 'name', fixed: 'left' },
    { title: '用户名', dataIndex: 'id' },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: string[]) => roles.map((r) => labelOf(ROLE_LABELS, r)).join('、'),
    },
    { title: '部门', dataIndex: 'departmentId', render: departmentName },
    { title: '手机号', dataIndex: 'phone', render: (v) => v || '—' },
    {
      title: '状态',
      key: 'state',
      render: (_, a) => (
        <Space size={4} wrap>
          {a.disabled ? (
            <Tag color="default">已停用</Tag>
          ) : (
            <Tag style={{ color: '#135200', background: '#f6ffed' }}>正常</Tag>
          )}
          {a.mustChangePassword && (
            <Tag style={{ color: '#873800', background: '#fff7e6' }}>待改密码</Tag>
          )}
        </Space>
      ),
    },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => formatTime(v) || '从未登录',
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, a) => (
        <Space size={4} wrap>
          <Popconfirm
            title={a.disabled ? `启用 ${a.name} 的账号？` : `停用 ${a.name} 的账号？`}
            description={a.disabled ? undefined : '停用后其已登录的会话立即失效。'}
            okText={a.disabled ? '启用' : '停用'}
            cancelText="取消"
            onConfirm={() => toggle(a)}
          >
            <Button
              size="small"
              danger={!a.disabled}
              aria-label={`${a.disabled ? '启用' : '停用'} ${a.name}`}
            >
              {a.disabled ? '启用' : '停用'}
            </Button>
          </Popconfirm>
          <Button size="small" onClick={() => onReset(a)} aria-label={`重置密码 ${a.name}`}>
            重置密码
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Table<Account>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={accounts}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: '还没有账号。点“新建用户”添加。' }}
    />
  );
}
