import type { ComponentType } from 'react';
import type { Role } from '../lib/labels';

type PageModule = { default: ComponentType };

export interface PageRoute {
  path: string;
  title: string;
  /** Who may open it; absent: anyone signed in. */
  roles?: Role[];
  /** Its entry in the side menu, if any. */
  menu?: string;
  load: () => Promise<PageModule>;
}

/** The routes of UI.md, who sees each, and the page that draws it (each page its own chunk). */
export const PAGES: PageRoute[] = [
  {
    path: '/intake',
    title: '登记来电',
    roles: ['agent'],
    menu: '登记来电',
    load: () => import('../pages/intake'),
  },
  {
    path: '/voicemails',
    title: '留言',
    roles: ['agent'],
    menu: '留言待登记',
    load: () => import('../pages/voicemails'),
  },
  {
    path: '/inbox',
    title: '我的待办',
    roles: ['handler', 'leader'],
    menu: '我的待办',
    load: () => import('../pages/inbox'),
  },
  {
    path: '/dashboard',
    title: '总览',
    roles: ['supervisor', 'leader'],
    menu: '总览',
    load: () => import('../pages/dashboard'),
  },
  {
    path: '/tickets',
    title: '工单查询',
    roles: ['agent', 'supervisor', 'leader', 'admin', 'handler'],
    menu: '工单查询',
    load: () => import('../pages/tickets'),
  },
  { path: '/tickets/:id', title: '工单详情', load: () => import('../pages/ticket') },
  {
    path: '/ledger',
    title: '台账',
    roles: ['supervisor', 'leader', 'admin', 'handler'],
    menu: '台账',
    load: () => import('../pages/ledger'),
  },
  {
    path: '/bulletins',
    title: '情况通报',
    roles: ['supervisor', 'leader', 'admin'],
    menu: '情况通报',
    load: () => import('../pages/bulletins'),
  },
  {
    path: '/admin/users',
    title: '用户管理',
    roles: ['admin'],
    menu: '用户管理',
    load: () => import('../pages/admin/users'),
  },
  {
    path: '/admin/directory',
    title: '名录管理',
    roles: ['admin'],
    menu: '名录管理',
    load: () => import('../pages/admin/directory'),
  },
  {
    path: '/admin/calendar',
    title: '法院日历',
    roles: ['admin'],
    menu: '法院日历',
    load: () => import('../pages/admin/calendar'),
  },
  {
    path: '/admin/audit',
    title: '审计记录',
    roles: ['admin'],
    menu: '审计记录',
    load: () => import('../pages/admin/audit'),
  },
  { path: '/password', title: '修改密码', load: () => import('../pages/password') },
];

export const pageTitle = (title: string) => `${title} - 12368 工单系统`;

export function mayOpen(page: Pick<PageRoute, 'roles'>, roles: readonly Role[]): boolean {
  return !page.roles || page.roles.some((role) => roles.includes(role));
}
