import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { lazy, useEffect } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiError, SESSION_EXPIRED } from '../api/client';
import { homeOf } from '../auth/session';
import { useSession } from '../auth/useSession';
import { NoticeProvider } from '../notices/NoticeProvider';
import { NotFound } from './NotFound';
import { RequireAuth } from './RequireAuth';
import { PAGES } from './routes';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

const Login = lazy(() => import('../pages/login'));
// The signed-in shell (menu, notices) is its own chunk: the login page does not wait for it.
const AppLayout = lazy(() => import('./AppLayout').then((m) => ({ default: m.AppLayout })));

function Home() {
  const session = useSession();
  return <Navigate to={session ? homeOf(session.user) : '/login'} replace />;
}

const router = createBrowserRouter([
  { path: '/login', element: <Login /> },
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Home /> },
      ...PAGES.map((page) => {
        const Page = lazy(page.load);
        return {
          path: page.path,
          element: (
            <RequireAuth page={page}>
              <Page />
            </RequireAuth>
          ),
        };
      }),
      { path: '*', element: <NotFound /> },
    ],
  },
]);

/** A refused token anywhere: back to /login, and to this page after signing in again. */
function useReturnToLoginOnExpiry() {
  useEffect(() => {
    const expired = () => {
      queryClient.clear();
      const { pathname, search } = window.location;
      if (pathname !== '/login') {
        void router.navigate(`/login?next=${encodeURIComponent(pathname + search)}&expired=1`, {
          replace: true,
        });
      }
    };
    window.addEventListener(SESSION_EXPIRED, expired);
    return () => window.removeEventListener(SESSION_EXPIRED, expired);
  }, []);
}

export function App() {
  useReturnToLoginOnExpiry();
  return (
    // autoInsertSpace off: antd would render two-character buttons as `登 录`, not the contract's `登录`.
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <NoticeProvider>
            <RouterProvider router={router} />
          </NoticeProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
