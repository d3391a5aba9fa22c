import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Grid, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CursorPager } from '../components/CursorPager';
import { ErrorAlert } from '../components/ErrorAlert';
import { SubmissionDetail } from '../components/SubmissionDetail';
import type { SubmissionStatus } from '../__generated__/graphql';
import { formatDateTime } from '../lib/labels';
import { SUBMISSION_STATUS } from '../lib/submissions';
import { useSubmissions, type SubmissionRow } from '../lib/use-submissions';

const STATUSES: SubmissionStatus[] = ['PENDING', 'APPROVED', 'RETURNED', 'WITHDRAWN'];

/**
 * 我的报送: a school's submissions of every service, oldest first, by status (待审核 / 已通过 / 已退回 /
 * 已撤回); each one's rows with before and after, the bureau's return reason, and withdrawal of a
 * pending one.
 */
export default function MySubmissions() {
  const screens = Grid.useBreakpoint();
  const [status, setStatus] = useState<SubmissionStatus | 'ALL'>('ALL');
  const [open, setOpen] = useState<SubmissionRow>();
  const pages = useSubmissions(status === 'ALL' ? {} : { status }, undefined);

  return (
    <Card title="我的报送" extra={<Button icon={<ReloadOutlined />} onClick={pages.reload} aria-label="刷新">{screens.md ? '刷新' : null}</Button>}>
      <Segmented
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(v) => setStatus(v as SubmissionStatus | 'ALL')}
        options={[{ value: 'ALL', label: '全部' }, ...STATUSES.map((s) => ({ value: s, label: SUBMISSION_STATUS[s].text }))]}
        data-testid="status-filter"
      />
      <ErrorAlert error={pages.error} />
      <Table<SubmissionRow>
        rowKey={(r) => `${r.service}:${r.id}`}
        size="middle"
        loading={pages.loading}
        dataSource={pages.nodes as SubmissionRow[]}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="submissions-table"
        locale={{ emptyText: '没有报送记录' }}
        columns={[
          { title: '数据类型', dataIndex: 'kindTitle', render: (t: string, r) => <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r)}>{t}</Button> },
          { title: '状态', dataIndex: 'status', render: (s: string, r) => <Tag color={SUBMISSION_STATUS[s]?.color}>{SUBMISSION_STATUS[s]?.text ?? r.statusLabel}</Tag> },
          { title: '行数', dataIndex: 'rowCount', align: 'right' },
          { title: '报送时间', dataIndex: 'submittedAt', responsive: ['sm'], render: (at: string) => formatDateTime(at) },
          {
            title: '退回原因',
            dataIndex: 'returnReason',
            responsive: ['md'],
            render: (t: string | null) => (t ? <Typography.Text type="danger" style={{ maxWidth: 280 }} ellipsis={{ tooltip: t }}>{t}</Typography.Text> : '—'),
          },
        ]}
      />
      <CursorPager pages={pages} />
      <Drawer open={!!open} onClose={() => setOpen(undefined)} size={screens.md ? 900 : '100%'} title={open ? `报送：${open.kindTitle}` : ''}>
        {open ? <SubmissionDetail service={open.service} id={open.id} as="school" onChanged={pages.reload} /> : null}
      </Drawer>
    </Card>
  );
}
