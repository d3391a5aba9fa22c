import { Alert } from 'antd';
import type { ApiError } from '../api/errors';

/** An API error in Chinese, the API's own words (when not Chinese) and code as the detail. */
export function ErrorAlert({ error, style }: { error: ApiError | Error | undefined; style?: React.CSSProperties }) {
  if (!error) return null;
  const e = error as ApiError;
  const detail = [e.detail, e.code ? `错误代码：${e.code}` : undefined].filter(Boolean).join(' · ');
  return <Alert type="error" showIcon title={e.message} description={detail || undefined} style={{ marginBottom: 16, ...style }} role="alert" />;
}
