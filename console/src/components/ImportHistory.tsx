import { App, Button, Checkbox, Drawer, Grid, Modal, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { request } from '../api/client';
import type { ApiError } from '../api/errors';
import type { ImportKind } from '../api/imports';
import { ImportHistoryDocument, ImportJobProgressDocument, UndoImportJobDocument, type ImportHistoryQuery, type UndoImportJobMutation } from '../__generated__/graphql';
import { useSession } from '../app/session';
import { useCursorPages } from '../lib/cursor-pages';
import { formatCount } from '../lib/format';
import { formatDateTime, IMPORT_STATUS } from '../lib/labels';
import { CursorPager } from './CursorPager';
import { ErrorAlert } from './ErrorAlert';
import { ImportJobResult, type ImportJobView } from './ImportJobResult';

type Row = ImportHistoryQuery['importJobs']['nodes'][number];

type Undo = UndoImportJobMutation['undoImportJob'];

/** Undo of a finished import (DISTRICT_ADMIN): a dry run shows what would change per service and the conflicts; the undo itself after confirming. */
function UndoButton({ jobId, onUndone }: { jobId: string; onUndone: () => void }) {
  const { message } = App.useApp();
  const [plan, setPlan] = useState<Undo>();
  const [skip, setSkip] = useState(false);
  const [busy, setBusy] = useState(false);
  const ask = async (dryRun: boolean) => {
    setBusy(true);
    try {
      const d = await request(UndoImportJobDocument, { id: jobId, dryRun, skipConflicts: skip });
      if (dryRun) setPlan(d.undoImportJob);
      else if (d.undoImportJob.refused) message.error('有记录在导入后又被修改，撤销未执行（可选择跳过这些记录）');
      else {
        message.success(`已撤销：${d.undoImportJob.services.reduce((n, s) => n + s.undone, 0)} 条记录恢复到导入前`);
        setPlan(undefined);
        onUndone();
      }
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const conflicts = plan?.services.reduce((n, s) => n + s.conflicts, 0) ?? 0;
  return (
    <>
      <Button danger style={{ marginTop: 16 }} loading={busy && !plan} onClick={() => void ask(true)} data-testid="undo-import">
        撤销此次导入…
      </Button>
      <Modal
        open={!!plan}
        title="撤销导入"
        okText="撤销"
        okButtonProps={{ danger: true, disabled: conflicts > 0 && !skip, loading: busy }}
        cancelText="取消"
        onOk={() => void ask(false)}
        onCancel={() => setPlan(undefined)}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>将删除此次导入新增的记录，并把它修改过的记录恢复到导入前（试算，尚未执行）：</Typography.Paragraph>
          <Table
            size="small"
            rowKey="service"
            pagination={false}
            dataSource={plan?.services ?? []}
            columns={[
              { title: '服务', dataIndex: 'service' },
              { title: '将撤销', dataIndex: 'undone', align: 'right' },
              { title: '冲突（导入后又被修改）', dataIndex: 'conflicts', align: 'right' },
            ]}
          />
          {conflicts ? (
            <Checkbox checked={skip} onChange={(e) => setSkip(e.target.checked)}>
              跳过 {conflicts} 条冲突记录（保留其现状），撤销其余记录
            </Checkbox>
          ) : null}
        </Space>
      </Modal>
    </>
  );
}

/** The import jobs the session may see (a school's own, or the district's), newest page first through cursors; a row opens its details. */
export function ImportHistory({ kinds, refreshKey }: { kinds: readonly ImportKind[]; refreshKey: number }) {
  const title = (kind: string) => kinds.find((k) => k.kind === kind)?.title ?? kind;
  const { session } = useSession();
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
        {job && session?.role === 'DISTRICT_ADMIN' && !job.dryRun && job.status === 'SUCCEEDED' ? <UndoButton jobId={job.id} onUndone={() => setOpen(undefined)} /> : null}
      </Drawer>
    </>
  );
}
