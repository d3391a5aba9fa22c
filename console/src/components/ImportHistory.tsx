import { Drawer, Grid, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { request } from '../api/client';
import type { ApiError } from '../api/errors';
import type { ImportKind } from '../api/imports';
import { ImportHistoryDocument, ImportJobProgressDocument, type ImportHistoryQuery } from '../__generated__/graphql';
import { useCursorPages } from '../lib/cursor-pages';
import { formatCount } from '../lib/format';
import { formatDateTime, IMPORT_STATUS } from '../lib/labels';
import { CursorPager } from './CursorPager';
import { ErrorAlert } from './ErrorAlert';
import { ImportJobResult, type ImportJobView } from './ImportJobResult';

type Row = ImportHistoryQuery['importJobs']['nodes'][number];

/** The import jobs the session may see (a school's own, or the district's), newest page first through cursors; a row opens its details. */
export function ImportHistory({ kinds, refreshKey }: { kinds: readonly ImportKind[]; refreshKey: number }) {
  const title = (kind: string) => kinds.find((k) => k.kind === kind)?.title ?? kind;
  const pages = useCursorPages<Row>((first, after, signal) => request(ImportHistoryDocument, { first, after }, { signal }).then((d) => d.importJobs), 'history', 10);
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState<string>();
  const [job, setJob] = useState<ImportJobView>();
  const [error, setError] = useState<ApiError>();
  // a finished import shows up without a reload
  useEffect(() => {
    if (refreshKey) pages.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refreshKey]);
  useEffect(() => {
    setJob(undefined);
    setError(undefined);
    if (!open) return;
    request(ImportJobProgressDocument, { id: open })
      .then((d) => setJob(d.importJob ?? undefined))
      .catch(setError);
  }, [open]);

  return (
    <>
      <ErrorAlert error={pages.error} />
      <Table<Row>
        size="small"
        rowKey="id"
        loading={pages.loading}
        dataSource={pages.nodes as Row[]}
        pagination={false}
        scroll={{ x: 760 }}
        data-testid="import-history"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 140, render: formatDateTime },
          { title: '类型', dataIndex: 'kind', width: 140, render: title },
          { title: '文件', dataIndex: 'fileName', ellipsis: true },
          {
            title: '状态',
            dataIndex: 'status',
            width: 110,
            render: (s: string, r) => (
              <>
                <Tag color={IMPORT_STATUS[s]?.color}>{IMPORT_STATUS[s]?.text ?? s}</Tag>
                {r.dryRun ? <Tag>试导入</Tag> : null}
              </>
            ),
          },
          { title: '新增/更新/无变化/拒绝', key: 'counts', width: 170, responsive: ['sm'], render: (_: unknown, r) => [r.rowsCreated, r.rowsUpdated, r.rowsUnchanged, r.rowsRejected].map(formatCount).join(' / ') },
          { title: '导入人', dataIndex: 'startedBy', width: 140, responsive: ['lg'] },
        ]}
      />
      <CursorPager pages={pages} sizes={[10, 20, 50]} />
      <Drawer open={!!open} onClose={() => setOpen(undefined)} size={screens.md ? 760 : '100%'} title="导入任务详情">
        <ErrorAlert error={error} />
        {job ? <ImportJobResult job={job} kindTitle={title(job.kind)} /> : !error ? <Typography.Text type="secondary">加载中…</Typography.Text> : null}
      </Drawer>
    </>
  );
}
