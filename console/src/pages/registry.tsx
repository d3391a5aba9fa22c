import { AuditOutlined, BarChartOutlined, CloudUploadOutlined, FileDoneOutlined, IdcardOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Role, Session } from '../api/session';

/**
 * A page of the console: where it lives, who may open it, and whether (and where) the menu shows it.
 * Adding a page is its file and one entry here; the menu, the route and the role check follow.
 */
export interface PageDef {
  readonly key: string;
  /** under /console/ */
  readonly path: string;
  readonly title: string;
  readonly icon: ReactNode;
  readonly roles: readonly Role[];
  /** the menu entry's path for this session (a teacher's own record), or false when only links lead to it */
  readonly menu: false | ((s: Session) => string | undefined);
  /** the menu's label when it differs from the title */
  readonly menuTitle?: (s: Session) => string;
  readonly component: LazyExoticComponent<ComponentType>;
}

const always = (path: string) => () => path;

export const PAGES: readonly PageDef[] = [
  {
    key: 'dashboard',
    path: 'dashboard',
    title: '区域概览',
    icon: <BarChartOutlined />,
    roles: ['DISTRICT_ADMIN', 'ANALYST'],
    menu: always('dashboard'),
    component: lazy(() => import('./Dashboard')),
  },
  {
    key: 'imports',
    path: 'imports',
    title: '导入中心',
    icon: <CloudUploadOutlined />,
    roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
    menu: always('imports'),
    component: lazy(() => import('./ImportCentre')),
  },
  {
    key: 'review',
    path: 'review',
    title: '审核',
    icon: <AuditOutlined />,
    roles: ['DISTRICT_ADMIN'],
    menu: always('review'),
    component: lazy(() => import('./Review')),
  },
  {
    key: 'submissions',
    path: 'submissions',
    title: '我的报送',
    icon: <FileDoneOutlined />,
    roles: ['SCHOOL_ADMIN'],
    menu: always('submissions'),
    component: lazy(() => import('./MySubmissions')),
  },
  {
    key: 'teachers',
    path: 'teachers',
    title: '教师查询',
    icon: <TeamOutlined />,
    roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
    menu: always('teachers'),
    component: lazy(() => import('./Teachers')),
  },
  {
    key: 'teacher',
    path: 'teachers/:id',
    title: '教师档案',
    icon: <IdcardOutlined />,
    roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'TEACHER'],
    // a teacher's menu leads to their own record; the others reach a record from the search
    menu: (s) => (s.role === 'TEACHER' && s.teacherId ? `teachers/${s.teacherId}` : undefined),
    menuTitle: () => '我的档案',
    component: lazy(() => import('./TeacherDetail')),
  },
];

/** The menu entries of a session, in order. */
export function menuOf(s: Session): Array<{ page: PageDef; path: string; title: string }> {
  return PAGES.flatMap((page) => {
    if (!page.roles.includes(s.role) || !page.menu) return [];
    const path = page.menu(s);
    return path ? [{ page, path, title: page.menuTitle?.(s) ?? page.title }] : [];
  });
}
