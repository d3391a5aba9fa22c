import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { download } from '../api/client';
import type { ImportJobProgressQuery } from '../__generated__/graphql';
import { formatCount } from '../lib/format';
import { FINISHED_IMPORT, formatDateTime, IMPORT_STATUS } from '../lib/labels';

export type ImportJobView = NonNullable<ImportJobProgressQuery['importJob']>;

/** How far a job is: rows read of the rows the file declares (an estimate). */
export function jobPercent(job: Pick<ImportJobView, 'status' | 'rowsRead' | 'rowsExpected'>): number {
  if (FINISHED_IMPORT.has(job.status)) return 100;
  if (!job.rowsExpected) return job.status === 'QUEUED' ? 0 : 5;
  return Math.min(99, Math.round((job.rowsRead / job.rowsExpected) * 100));
}

/** A job's result: counts, why it failed, the rejected rows (row, column, value, message) and errors.xlsx. */
export function ImportJobResult({ job, kindTitle }: { job: ImportJobView; kindTitle?: string }) {
  const { message } = App.useApp();
  const status = IMPORT_STATUS[job.status] ?? { text: job.status, color: 'default' };
  const finished = FINISHED_IMPORT.has(job.status);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="import-result">
      <Space wrap>
        <Tag color={status.color} data-testid="import-status">
          {status.text}
        </Tag>
        {job.dryRun ? <Tag>试导入（只校验，未写入）</Tag> : null}
        <Typography.Text type="secondary">
          {kindTitle ?? job.kind} · {job.fileName} · {formatDateTime(job.createdAt)}
        </Typography.Text>
      </Space>
      {!finished ? <Progress percent={jobPercent(job)} status="active" aria-label="导入进度" data-testid="job-progress" /> : null}
      <Row gutter={[16, 16]}>
        {[
          ['读取', job.rowsRead],
          [job.dryRun ? '将新增' : '新增', job.rowsCreated],
          [job.dryRun ? '将更新' : '更新', job.rowsUpdated],
          ['无变化', job.rowsUnchanged],
          ...(job.rowsSubmitted ? [[job.dryRun ? '将报送审核' : '报送待审', job.rowsSubmitted]] : []),
          ['拒绝', job.rowsRejected],
          ['有警告', job.rowsWarned],
        ].map(([title, value]) => (
          <Col xs={8} sm={8} md={4} key={title as string}>
            <Statistic
              title={title as string}
              value={formatCount(value as number)}
              styles={{ content: (value as number) > 0 ? (title === '拒绝' ? { color: '#cf1322' } : title === '有警告' ? { color: '#d48806' } : undefined) : undefined }}
            />
          </Col>
        ))}
      </Row>
      {job.errorMessage ? <Alert type={job.status === 'FAILED' ? 'error' : 'warning'} showIcon title={job.errorMessage} description={job.errorCode ? `错误代码：${job.errorCode}` : undefined} /> : null}
      {job.status === 'SUCCEEDED' && !job.dryRun && !job.rowsSubmitted ? <Alert type="success" showIcon title="导入完成：所有行均已写入" /> : null}
      {job.status === 'SUCCEEDED' && !job.dryRun && job.rowsSubmitted ? (
        <Alert
          type="info"
          showIcon
          data-testid="import-submitted"
          title={`已报送区教育局审核：${job.rowsSubmitted} 行待审核，审核通过后生效`}
          description={job.submissions.map((s) => `报送单 ${s.id}`).join('；')}
        />
      ) : null}
      {job.status === 'SUCCEEDED' && job.dryRun ? <Alert type="success" showIcon title="校验通过：没有被拒绝的行，可以正式导入" /> : null}
      {job.errors.length ? (
        <>
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              被拒绝的行{job.rowsRejected > job.errors.length ? `（显示前 ${job.errors.length} 个问题，全部见错误报告）` : ''}
            </Typography.Title>
            {job.errorReportUrl ? (
              <Button
                icon={<DownloadOutlined />}
                data-testid="errors-xlsx"
                onClick={() => download(job.errorReportUrl!, `${job.fileName.replace(/\.(xlsx|csv|txt)$/i, '')}.errors.xlsx`).catch((e: Error) => message.error(e.message))}
              >
                下载错误报告 errors.xlsx
              </Button>
            ) : null}
          </Space>
          <Table
            size="small"
            rowKey={(r) => `${r.sheet}:${r.row}:${r.column}:${r.code}`}
            dataSource={job.errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 640 }}
            data-testid="rejected-rows"
            columns={[
              { title: '行', dataIndex: 'row', width: 64 },
              { title: '列', dataIndex: 'column', width: 140, render: (v: string | null) => v ?? '—' },
              { title: '值', dataIndex: 'value', width: 180, render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '—') },
              { title: '问题', dataIndex: 'message', render: (v: string, r) => <span title={r.code}>{v}</span> },
            ]}
          />
        </>
      ) : null}
      {job.warnings.length ? (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            已写入但有警告的行（系统按文字归类或更正了取值，请核对）{job.rowsWarned > job.warnings.length ? `（显示前 ${job.warnings.length} 个）` : ''}
          </Typography.Title>
          <Table
            size="small"
            rowKey={(r) => `${r.sheet}:${r.row}:${r.column}:${r.code}`}
            dataSource={job.warnings}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 640 }}
            data-testid="warned-rows"
            columns={[
              { title: '行', dataIndex: 'row', width: 64 },
              { title: '列', dataIndex: 'column', width: 140, render: (v: string | null) => v ?? '—' },
              { title: '值', dataIndex: 'value', width: 180, render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '—') },
              { title: '说明', dataIndex: 'message', render: (v: string, r) => <span title={r.code}>{v}</span> },
            ]}
          />
        </>
      ) : null}
    </Space>
  );
}
