import { App, Form, Input, Modal, Select } from 'antd';
import { ApiError } from '../../../api/errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiForm } from '../../../components/useApiForm';
import { optionsOf, ROLE_LABELS } from '../../../lib/labels';
import type { DirectoryDepartment } from '../directory/useCourtDirectory';
import { isMissingEndpoint } from '../shared/missing-endpoint';
import { NotAvailable } from '../shared/NotAvailable';
import { passwordProblem } from '../shared/password-rules';
import { type NewAccount, useCreateAccount } from './users-api';

const FIELDS = ['id', 'name', 'roles', 'departmentId', 'phone', 'password'];
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** `新建用户`: the account's id, name, roles, department, phone and initial password. */
export function CreateUserModal({
  open,
  onClose,
  departments,
}: {
  open: boolean;
  onClose: () => void;
  departments: DirectoryDepartment[];
}) {
  const [form] = Form.useForm<NewAccount>();
  const api = useApiForm(form, FIELDS);
  const create = useCreateAccount();
  const { message } = App.useApp();
  const missing = isMissingEndpoint(api.formError);

  async function submit(values: NewAccount) {
    api.clear();
    const body: NewAccount = {
      ...values,
      id: values.id.trim(),
      name: values.name.trim(),
      departmentId: values.departmentId || undefined,
      phone: values.phone?.trim() || undefined,
    };
    try {
      await create.mutateAsync(body);
      message.success(`已新建用户 ${body.name}，首次登录时须修改密码`);
      form.resetFields();
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        form.setFields([{ name: 'id', errors: ['该用户名已被使用'] }]);
      } else {
        api.show(error);
      }
    }
  }

  return (
    <Modal
      open={open}
      title="新建用户"
      okText="创建"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      forceRender
      rootClassName="aa-contrast"
    >
      {missing ? <NotAvailable what="新建用户" compact /> : <ErrorAlert error={api.formError} />}
      <Form<NewAccount>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark
        style={{ marginTop: 12 }}
      >
        <Form.Item
          label="用户名"
          name="id"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: ID_PATTERN, message: '用户名为字母、数字、点、横线或下划线，不超过64位' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="角色" name="roles" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={optionsOf(ROLE_LABELS)}
            placeholder="可多选"
          />
        </Form.Item>
        <Form.Item label="部门" name="departmentId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="无"
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item label="手机号" name="phone">
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="初始密码"
          name="password"
          dependencies={['id']}
          extra="至少10个字符，不能与用户名相同；用户首次登录时须修改。"
          rules={[
            { required: true, message: '请输入初始密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                const problem = value ? passwordProblem(value, getFieldValue('id') ?? '') : null;
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
