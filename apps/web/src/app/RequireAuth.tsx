import { Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../auth/useSession';
import { mayOpen, type PageRoute } from './routes';

/** Not signed in → /login (and back here after); signed in without the role → says so. */
export function RequireAuth({ page, children }: { page: PageRoute; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.user.mustChangePassword && page.path !== '/password') {
    return <Navigate to="/password" replace />;
  }
  if (!mayOpen(page, session.user.roles)) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle="您的角色无权查看此页面，请从左侧菜单选择可用的功能。"
      />
    );
  }
  return <>{children}</>;
}
