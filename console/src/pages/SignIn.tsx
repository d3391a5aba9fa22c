import { KeyOutlined, LoginOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Radio, Select, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { request } from '../api/client';
import { consoleConfig, devToken, type ConsoleConfig } from '../api/console-config';
import { ApiError } from '../api/errors';
import { startOidcSignIn } from '../api/oidc';
import { decodeToken, ROLE_LABELS, ROLES, type Role } from '../api/session';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { SchoolSelect } from '../components/SchoolSelect';
import { TeacherSearchDocument } from '../__generated__/graphql';

/** Sign-in: the role picker in development, the identity provider or a pasted token in production. */
export default function SignIn() {
  const [config, setConfig] = useState<ConsoleConfig>();
  const [error, setError] = useState<Error>();
  const [params] = useSearchParams();
  const from = params.get('from') || '/';
  useEffect(() => {
    consoleConfig().then(setConfig, setError);
  }, []);

  const tabs = useMemo(() => {
    if (!config) return [];
    const t = [];
    if (config.devSignIn) t.push({ key: 'dev', label: '开发环境登录', icon: <LoginOutlined />, children: <DevSignIn from={from} /> });
    if (config.oidc) t.push({ key: 'oidc', label: '统一身份认证', icon: <SafetyCertificateOutlined />, children: <OidcSignIn config={config} from={from} /> });
    t.push({ key: 'token', label: '粘贴令牌', icon: <KeyOutlined />, children: <TokenSignIn from={from} /> });
    return t;
  }, [config, from]);

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', padding: 12 }}>
      <Card style={{ width: '100%', maxWidth: 460 }} title={<Typography.Title level={4} style={{ margin: 0 }}>教师队伍管理平台 · 登录</Typography.Title>}>
        <ErrorAlert error={error} />
        {config ? <Tabs items={tabs} /> : !error ? <Spin /> : null}
      </Card>
    </div>
  );
}

function useFinish(from: string) {
  const { signIn } = useSession();
  const navigate = useNavigate();
  return (token: string) => {
    if (!signIn(token)) throw new ApiError('这不是本平台可用的令牌（需要含 role 的 JWT）', 'BAD_USER_INPUT');
    navigate(from.startsWith('/') ? from : '/', { replace: true });
  };
}

/** Development: choose a role (and a school or a teacher) and the gateway signs a token, as `npm run token` does. */
function DevSignIn({ from }: { from: string }) {
  const finish = useFinish(from);
  const [role, setRole] = useState<Role>('DISTRICT_ADMIN');
  const [school, setSchool] = useState<string>();
  const [teacher, setTeacher] = useState<string>();
  const [pickerToken, setPickerToken] = useState<string>();
  const [teachers, setTeachers] = useState<Array<{ value: string; label: string }>>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  // the pickers list schools and teachers with a district token of their own (development only)
  useEffect(() => {
    if ((role === 'SCHOOL_ADMIN' || role === 'TEACHER') && !pickerToken) devToken('DISTRICT_ADMIN').then(setPickerToken, setError);
  }, [role, pickerToken]);
  const searchTeachers = (namePrefix: string) => {
    if (!pickerToken || !school) return;
    request(TeacherSearchDocument, { first: 50, filter: { schoolId: school, namePrefix: namePrefix || undefined, serving: true } }, { token: pickerToken })
      .then((d) => setTeachers(d.teachers.nodes.map((t) => ({ value: t.id, label: `${t.name}（${t.teachingSubject ?? '—'}）` }))))
      .catch(setError);
  };
  useEffect(() => {
    setTeacher(undefined);
    if (role === 'TEACHER' && school) searchTeachers('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [school, role, pickerToken]);

  const ready = role === 'SCHOOL_ADMIN' ? !!school : role === 'TEACHER' ? !!teacher : true;
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      finish(await devToken(role, { school, teacher }));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={submit}>
      <Alert type="info" showIcon title="开发环境：选择角色后由网关签发开发令牌（生产环境不提供）" style={{ marginBottom: 16 }} />
      <ErrorAlert error={error} />
      <Form.Item label="角色">
        <Radio.Group value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="role-picker">
          <Space orientation="vertical">
            {ROLES.map((r) => (
              <Radio key={r} value={r}>
                {ROLE_LABELS[r]}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {role === 'SCHOOL_ADMIN' || role === 'TEACHER' ? (
        <Form.Item label="学校" required>
          {pickerToken ? <SchoolSelect id="signin-school" value={school} onChange={setSchool} token={pickerToken} style={{ width: '100%' }} /> : <Spin />}
        </Form.Item>
      ) : null}
      {role === 'TEACHER' && school ? (
        <Form.Item label="教师" required>
          <Select showSearch value={teacher} onChange={setTeacher} onSearch={searchTeachers} filterOption={false} options={teachers} placeholder="输入姓名的开头查找" />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" block loading={busy} disabled={!ready}>
        登录
      </Button>
    </Form>
  );
}

function OidcSignIn({ config, from }: { config: ConsoleConfig; from: string }) {
  const oidc = config.oidc;
  if (!oidc) return null;
  if ('error' in oidc) return <Alert type="error" showIcon title={oidc.error} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>使用本单位的统一身份认证账号登录。</Typography.Paragraph>
      <Button type="primary" block icon={<SafetyCertificateOutlined />} onClick={() => startOidcSignIn(oidc, from)}>
        通过统一身份认证登录
      </Button>
    </Space>
  );
}

function TokenSignIn({ from }: { from: string }) {
  const finish = useFinish(from);
  const [token, setToken] = useState('');
  const [error, setError] = useState<Error>();
  const claims = decodeToken(token);
  return (
    <Form
      layout="vertical"
      onFinish={() => {
        try {
          finish(token);
        } catch (e) {
          setError(e as Error);
        }
      }}
    >
      <ErrorAlert error={error} />
      <Form.Item label="访问令牌（Bearer Token）" help={token && !claims ? '不是本平台可用的令牌' : claims ? `角色：${ROLE_LABELS[claims.role]}` : undefined}>
        <Input.TextArea rows={4} value={token} onChange={(e) => setToken(e.target.value)} placeholder="eyJhbGciOi…" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block disabled={!claims}>
        使用此令牌登录
      </Button>
    </Form>
  );
}
