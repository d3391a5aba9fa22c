import { Card, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/errors';
import { finishOidcSignIn } from '../api/oidc';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';

/** Back from the identity provider: the gateway exchanges the code, the console keeps the token. */
export default function OidcCallback() {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<Error>();
  const once = useRef(false);
  useEffect(() => {
    if (once.current) return;
    once.current = true;
    finishOidcSignIn(location.search)
      .then(({ token, returnTo }) => {
        if (!signIn(token)) throw new ApiError('身份提供方签发的令牌不含本平台的角色（role），请联系管理员', 'UNAUTHENTICATED');
        navigate(returnTo.startsWith('/') ? returnTo : '/', { replace: true });
      })
      .catch(setError);
  }, [navigate, signIn]);
  return (
    <Card style={{ maxWidth: 460, margin: '80px auto' }}>
      {error ? (
        <>
          <ErrorAlert error={error} />
          <Link to="/signin">返回登录</Link>
        </>
      ) : (
        <Spin description="正在完成登录…">
          <div style={{ height: 80 }} />
        </Spin>
      )}
    </Card>
  );
}
