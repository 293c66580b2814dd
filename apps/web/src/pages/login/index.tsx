import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { intake, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { usePageTitle } from '../../app/PageTitle';
import { safeNext } from '../../auth/return-path';
import { homeOf, type Session, setSession } from '../../auth/session';
import { useSession } from '../../auth/useSession';
import { ErrorAlert } from '../../components/ErrorAlert';

export default function LoginPage() {
  usePageTitle('登录');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (session && !busy) return <Navigate to={next ?? homeOf(session.user)} replace />;

  async function login(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const result = (await unwrap(
        intake.POST('/api/auth/login', { body: values }),
      )) as unknown as Session;
      setSession(result);
      navigate(result.user.mustChangePassword ? '/password' : (next ?? homeOf(result.user)), {
        replace: true,
      });
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 401 ? new ApiError(401, '用户名或密码错误') : e,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <Card className="login-card">
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
          12368 诉讼服务热线工单系统
        </Typography.Title>
        {params.get('expired') && !error && (
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            登录已失效，请重新登录后继续。
          </Typography.Paragraph>
        )}
        <ErrorAlert error={error} />
        <Form layout="vertical" onFinish={login} requiredMark={false} disabled={busy}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, message: '请输入用户名' }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            rules={[{ required: true, message: '请输入密码' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
