import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Drawer, Form, Grid, InputNumber, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { request } from '../api/client';
import type { ApiError } from '../api/errors';
import { CursorPager } from '../components/CursorPager';
import { ErrorAlert } from '../components/ErrorAlert';
import { SchoolSelect } from '../components/SchoolSelect';
import { SubmissionDetail } from '../components/SubmissionDetail';
import { PendingSubmissionCountsDocument, ReviewPolicyDocument, SchoolOptionsDocument, type ReviewPolicyQuery, type SubmissionFilter } from '../__generated__/graphql';
import { formatDateTime } from '../lib/labels';
import { pendingTotals, SERVICE_KEYS, type PendingCount } from '../lib/submissions';
import { SERVICE_TEXT } from '../lib/timeline';
import { useSubmissions, type SubmissionRow } from '../lib/use-submissions';

type Rule = ReviewPolicyQuery['reviewPolicy'][number];

/**
 * The bureau's review (审核): pending submissions of every service and school, oldest first, filtered
 * by school, kind and age; the counts per school and per kind; a submission's rows with before and
 * after and conflicts, approved all or some, or returned with a reason. Every decision refreshes both.
 */
export default function Review() {
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm();
  const [held, setHeld] = useState<Rule[]>([]);
  const [schools, setSchools] = useState<Map<string, string>>(new Map());
  const [counts, setCounts] = useState<PendingCount[]>([]);
  const [countsBy, setCountsBy] = useState<'school' | 'kind'>('school');
  const [error, setError] = useState<ApiError | Error>();
  const [filter, setFilter] = useState<SubmissionFilter>({ status: 'PENDING' });
  const [open, setOpen] = useState<SubmissionRow>();

  useEffect(() => {
    request(ReviewPolicyDocument, {})
      .then((d) => setHeld(d.reviewPolicy.filter((r) => r.mode === 'HELD' || r.mode === 'FIELDS')))
      .catch(setError);
    request(SchoolOptionsDocument, { first: 1000 })
      .then((d) => setSchools(new Map(d.schools.nodes.map((s) => [s.id, s.name]))))
      .catch(setError);
  }, []);
  const loadCounts = useCallback(() => {
    request(PendingSubmissionCountsDocument, {})
      .then((d) => setCounts(SERVICE_KEYS.flatMap((k) => d[k])))
      .catch(setError);
  }, []);
  useEffect(loadCounts, [loadCounts]);

  // a kind chosen: only its service is asked
  const services = useMemo(() => (filter.kind ? held.filter((r) => r.kind === filter.kind).map((r) => r.service) : undefined), [filter.kind, held]);
  const pages = useSubmissions(filter, services);
  const schoolName = (id: string) => schools.get(id) ?? id;
  const refresh = () => {
    pages.reload();
    loadCounts();
  };

  const totals = pendingTotals(counts, countsBy, schoolName);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Card
        title="待审核报送统计"
        extra={<Segmented value={countsBy} onChange={(v) => setCountsBy(v as 'school' | 'kind')} options={[{ value: 'school', label: '按学校' }, { value: 'kind', label: '按类型' }]} />}
      >
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={totals}
          data-testid="pending-counts"
          locale={{ emptyText: '没有待审核的报送' }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: countsBy === 'school' ? '学校' : '数据类型', dataIndex: 'title' },
            { title: '报送单', dataIndex: 'submissions', align: 'right' },
            { title: '待审行数', dataIndex: 'rows', align: 'right' },
            { title: '最久已等待', dataIndex: 'oldestAgeDays', align: 'right', render: (d: number) => <Tag color={d >= 7 ? 'red' : d >= 3 ? 'orange' : 'default'}>{d} 天</Tag> },
          ]}
        />
      </Card>
      <Card title="审核报送" extra={<Button icon={<ReloadOutlined />} onClick={refresh} aria-label="刷新">{screens.md ? '刷新' : null}</Button>}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: { schoolId?: string; kind?: string; olderThanDays?: number | null }) =>
            setFilter({ status: 'PENDING', schoolId: v.schoolId || undefined, kind: v.kind || undefined, olderThanDays: v.olderThanDays ?? undefined })
          }
        >
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="schoolId" label="学校">
                <SchoolSelect value={form.getFieldValue('schoolId')} onChange={(id) => form.setFieldValue('schoolId', id)} allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="kind" label="数据类型">
                <Select allowClear placeholder="全部" options={held.map((r) => ({ value: r.kind, label: r.title }))} data-testid="review-kind" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="olderThanDays" label="已等待至少（天）">
                <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} placeholder="不限" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} style={{ marginBottom: 16 }}>
            查询
          </Button>
        </Form>
        <ErrorAlert error={pages.error} />
        <Table<SubmissionRow>
          rowKey={(r) => `${r.service}:${r.id}`}
          size="middle"
          loading={pages.loading}
          dataSource={pages.nodes as SubmissionRow[]}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="review-table"
          locale={{ emptyText: '没有待审核的报送' }}
          columns={[
            { title: '学校', dataIndex: 'schoolId', render: (id: string) => schoolName(id) },
            { title: '数据类型', dataIndex: 'kindTitle', render: (t: string, r) => <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r)}>{t}</Button> },
            { title: '业务', dataIndex: 'service', responsive: ['lg'], render: (s: string) => SERVICE_TEXT[s] ?? s },
            { title: '待审 / 总行数', key: 'rows', render: (_: unknown, r) => `${r.pendingRows} / ${r.rowCount}` },
            { title: '调入', dataIndex: 'transfers', responsive: ['md'], render: (n: number | null) => (n ? <Tag color="orange">{n}</Tag> : '—') },
            { title: '报送时间', dataIndex: 'submittedAt', responsive: ['sm'], render: (at: string) => formatDateTime(at) },
            { title: '已等待', dataIndex: 'ageDays', render: (d: number) => `${d} 天` },
            { title: '', key: 'open', fixed: 'right', render: (_: unknown, r) => <Button size="small" onClick={() => setOpen(r)} data-testid="open-submission">审核</Button> },
          ]}
        />
        <CursorPager pages={pages} />
      </Card>
      <Drawer open={!!open} onClose={() => setOpen(undefined)} size={screens.md ? 900 : '100%'} title={open ? `审核：${open.kindTitle} · ${schoolName(open.schoolId)}` : ''}>
        {open ? <SubmissionDetail service={open.service} id={open.id} as="bureau" schoolNameOf={schoolName} onChanged={refresh} /> : null}
      </Drawer>
      <Typography.Text type="secondary">通过的数据按报送时的生效日期写入，并记入历史与审计；报送后记录已被修改的行显示为“冲突”，不会写入，请退回学校核实。</Typography.Text>
    </Space>
  );
}
