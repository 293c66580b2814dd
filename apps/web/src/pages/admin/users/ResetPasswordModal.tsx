import { App, Form, Input, Modal } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiForm } from '../../../components/useApiForm';
import { passwordProblem } from '../shared/password-rules';
import { type Account, useResetPassword } from './users-api';

/** Reset password: the admin sets a new one; the person must change it at next login. */
export function ResetPasswordModal({
  account,
  onClose,
}: {
  account: Account | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ password: string }>();
  const api = useApiForm(form, ['password']);
  const reset = useResetPassword();
  const { message } = App.useApp();

  async function submit({ password }: { password: string }) {
    if (!account) return;
    api.clear();
    try {
      await reset.mutateAsync({ id: account.id, password });
      message.success(`已重置 ${account.name} 的密码，下次登录时须修改`);
      onClose();
    } catch (error) {
      api.show(error);
    }
  }

  return (
    <Modal
      open={!!account}
      title={account ? `重置密码：${account.name}（${account.id}）` : '重置密码'}
      okText="重置"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      destroyOnHidden
      rootClassName="aa-contrast"
    >
      <ErrorAlert error={api.formError} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label="新密码"
          name="password"
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: (_, value: string | undefined) => {
                const problem = value && account ? passwordProblem(value, account.id) : null;
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
