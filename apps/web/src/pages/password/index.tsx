import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { usePageTitle } from '../../app/PageTitle';
import { homeOf, setSession } from '../../auth/session';
import { useSession } from '../../auth/useSession';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiForm } from '../../components/useApiForm';
import { isMissingEndpoint } from '../admin/shared/missing-endpoint';
import { NotAvailable } from '../admin/shared/NotAvailable';
import { passwordProblem } from '../admin/shared/password-rules';
import { changePassword, signInAgain } from './change-password';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function PasswordPage() {
  usePageTitle('修改密码');
  const session = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const api = useApiForm(form, ['currentPassword', 'newPassword']);
  const userId = session?.user.id ?? '';
  const mustChange = !!session?.user.mustChangePassword;
  const [busy, setBusy] = useState(false);

  async function submit(values: Values) {
    api.clear();
    setBusy(true);
    try {
      await changePassword({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      // The change ends every session, this one included (API.md): sign in again with the
      // new password, or go to the login page if that fails.
      try {
        const next = await signInAgain(userId, values.newPassword);
        setSession(next);
        message.success('密码已修改');
        navigate(homeOf(next.user), { replace: true });
      } catch {
        setSession(null);
        message.success('密码已修改，请用新密码重新登录');
        navigate('/login', { replace: true });
      }
    } catch (error) {
      if (
        error instanceof ApiError &&
        (error.status === 401 || error.status === 403) &&
        !isMissingEndpoint(error)
      ) {
        form.setFields([
          {
            name: 'currentPassword',
            errors: [error.status === 401 ? '当前密码不正确' : error.message],
          },
        ]);
      } else {
        api.show(error);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="password-page aa-contrast">
      <Card style={{ maxWidth: 480 }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          修改密码
        </Typography.Title>
        {mustChange && (
          <Alert
            type="warning"
            showIcon
            title="首次登录或密码被重置后，须先修改密码才能继续使用。"
            style={{ marginBottom: 16 }}
          />
        )}
        {isMissingEndpoint(api.formError, true) ? (
          <div style={{ marginBottom: 16 }}>
            <NotAvailable what="修改密码" compact />
          </div>
        ) : (
          <ErrorAlert error={api.formError} />
        )}
        <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label="当前密码"
            name="currentPassword"
            rules={[{ required: true, message: '请输入当前密码' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            dependencies={['currentPassword']}
            extra="至少10个字符，不能与用户名或当前密码相同。"
            rules={[
              { required: true, message: '请输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) => {
                  if (!value) return Promise.resolve();
                  const problem =
                    passwordProblem(value, userId) ??
                    (value === getFieldValue('currentPassword')
                      ? '新密码不能与当前密码相同'
                      : null);
                  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            修改密码
          </Button>
        </Form>
      </Card>
    </div>
  );
}
