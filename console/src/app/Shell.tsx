import { ApiOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Result, Spin, Tag, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { request } from '../api/client';
import { consoleConfig } from '../api/console-config';
import { ROLE_LABELS } from '../api/session';
import { SchoolNameDocument } from '../__generated__/graphql';
import { menuOf, type PageDef } from '../pages/registry';
import { useSession } from './session';

const { Header, Sider, Content } = Layout;

/** The frame of every page after sign-in: the menu the role allows, who is signed in, and the page. */
export function Shell() {
  const { session, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  // before the first measure the breakpoints are unknown: lay out for a desktop until told otherwise
  const phone = screens.md === false;
  const [menuOpen, setMenuOpen] = useState(false);
  const [ide, setIde] = useState(false);
  const [schoolName, setSchoolName] = useState<string>();

  useEffect(() => setMenuOpen(false), [location.pathname]);
  useEffect(() => {
    consoleConfig()
      .then((c) => setIde(c.ide))
      .catch(() => setIde(false));
  }, []);
  useEffect(() => {
    if (session?.role !== 'SCHOOL_ADMIN' || !session.schoolId) return;
    request(SchoolNameDocument, { id: session.schoolId })
      .then((d) => setSchoolName(d.school?.name ?? undefined))
      .catch(() => setSchoolName(undefined));
  }, [session?.role, session?.schoolId]);

  if (!session) return <Navigate to={`/signin?from=${encodeURIComponent(location.pathname + location.search)}`} replace />;

  const items = menuOf(session).map((m) => ({ key: `/${m.path}`, icon: m.page.icon, label: <Link to={`/${m.path}`}>{m.title}</Link> }));
  if (ide) items.push({ key: 'ide', icon: <ApiOutlined />, label: <a href="/graphql">GraphQL IDE</a> });
  const selected = items.map((i) => i.key).filter((k) => k !== 'ide' && location.pathname.startsWith(k));

  const menu = <Menu theme="dark" mode="inline" selectedKeys={selected} items={items} />;
  const brand = <div style={{ color: '#fff', padding: '16px 20px', fontWeight: 600, whiteSpace: 'nowrap' }}>教师队伍管理平台</div>;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer open={menuOpen} onClose={() => setMenuOpen(false)} placement="left" size={220} closable={false} styles={{ body: { padding: 0, background: '#001529' } }}>
          {brand}
          {menu}
        </Drawer>
      ) : (
        <Sider width={200}>
          {brand}
          {menu}
        </Sider>
      )}
      <Layout>
        <Header style={{ background: '#fff', padding: phone ? '0 12px' : '0 24px', display: 'flex', alignItems: 'center', gap: 8 }}>
          {phone ? <Button icon={<MenuOutlined />} onClick={() => setMenuOpen(true)} aria-label="菜单" data-testid="menu-button" /> : null}
          <Typography.Text strong style={{ flex: 1, minWidth: 0 }} ellipsis>
            {phone ? '教师队伍管理平台' : (schoolName ?? '')}
          </Typography.Text>
          <Tag color="blue" data-testid="role" style={{ marginInlineEnd: 0 }}>
            {ROLE_LABELS[session.role]}
          </Tag>
          <Button
            icon={<LogoutOutlined />}
            aria-label="退出"
            onClick={() => {
              signOut();
              navigate('/signin');
            }}
          >
            {phone ? null : '退出'}
          </Button>
        </Header>
        <Content style={{ padding: phone ? 12 : 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}

/** A page of the registry, when the session's role may open it. */
export function Guard({ page }: { page: PageDef }) {
  const { session } = useSession();
  if (!session) return null;
  if (!page.roles.includes(session.role)) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle={`当前角色（${ROLE_LABELS[session.role]}）不能打开“${page.title}”。${session.role === 'ANALYST' ? '数据分析员只能查看汇总数据，不能查看单个教师。' : ''}`}
        extra={<Link to="/">返回首页</Link>}
      />
    );
  }
  const Page = page.component;
  return <Page />;
}

/** The first page of the role's menu. */
export function Home() {
  const { session } = useSession();
  if (!session) return null;
  const first = menuOf(session)[0];
  if (!first) return <Result status="info" title="当前角色没有可用的页面" />;
  return <Navigate to={`/${first.path}`} replace />;
}

export function NotFound() {
  return <Result status="404" title="页面不存在" extra={<Link to="/">返回首页</Link>} />;
}
