import { LockOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { idNumberView } from '../lib/id-number';

/** An ID number exactly as the API gave it, marked when the API masked it. */
export function IdNumber({ value }: { value: string | null | undefined }) {
  const v = idNumberView(value);
  return (
    <Tooltip title={v.description}>
      <Typography.Text code style={{ whiteSpace: 'nowrap' }} aria-label={v.description} data-masked={v.masked ? 'true' : 'false'}>
        {v.text}
        {v.masked ? <LockOutlined style={{ marginLeft: 4, color: '#8c8c8c' }} aria-hidden /> : null}
      </Typography.Text>
    </Tooltip>
  );
}
