import { Button, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { intake } from '../api/client';
import { setSession } from '../auth/session';
import { useSession } from '../auth/useSession';
import { labelOf, ROLE_LABELS } from '../lib/labels';
import { NoticeBell } from './NoticeBell';
import { PageSkeleton } from './PageSkeleton';
import { mayOpen, PAGES } from './routes';

/** One layout: the side menu by role, a header with the person, `通知` and `退出登录`. */
export function AppLayout() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const roles = session?.user.roles ?? [];
  const items = PAGES.filter((p) => p.menu && mayOpen(p, roles)).map((p) => ({
    key: p.path,
    label: <Link to={p.path}>{p.menu}</Link>,
  }));
  const selected = PAGES.filter((p) => p.menu && location.pathname.startsWith(p.path)).map(
    (p) => p.path,
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <Layout.Header className="app-header">
        <Link to="/" className="app-brand" aria-label="12368 工单系统 首页">
          12368 工单系统
        </Link>
        <Space size={narrow ? 4 : 12} className="app-header-tools">
          {!narrow && session && (
            <Typography.Text className="app-user">
              {session.user.name}
              {session.user.roles.map((role) => (
                <Tag key={role} style={{ marginInlineStart: 6 }}>
                  {labelOf(ROLE_LABELS, role)}
                </Tag>
              ))}
            </Typography.Text>
          )}
          {narrow && session && (
            <Typography.Text className="app-user">{session.user.name}</Typography.Text>
          )}
          <NoticeBell />
          <Button
            onClick={() => {
              // Also clears the Temporal UI's codec cookie; signing out never waits on it.
              void intake.POST('/api/auth/logout').catch(() => undefined);
              setSession(null);
              navigate('/login', { replace: true });
            }}
          >
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        {narrow ? null : (
          <Layout.Sider width={180} theme="light" className="app-sider">
            <nav aria-label="主菜单">
              <Menu mode="inline" selectedKeys={selected} items={items} />
            </nav>
          </Layout.Sider>
        )}
        <Layout.Content id="main" className="app-content" tabIndex={-1}>
          {narrow && (
            <nav aria-label="主菜单" className="app-mobile-nav">
              <Menu mode="horizontal" selectedKeys={selected} items={items} />
            </nav>
          )}
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
