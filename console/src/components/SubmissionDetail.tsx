import { CheckOutlined, RollbackOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Input, Modal, Popconfirm, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { request } from '../api/client';
import type { ApiError } from '../api/errors';
import { ApproveSubmissionDocument, ImportKindColumnsDocument, ReturnSubmissionDocument, SubmissionDetailDocument, WithdrawSubmissionDocument, type SubmissionDetailQuery } from '../__generated__/graphql';
import { formatDateTime } from '../lib/labels';
import { EVENT_TEXT, fieldTitle, flagsFor, isOpenRow, ROW_OP, ROW_STATUS, returnReasonProblem, RETURN_REASON_MAX, SERVICE_KEY_OF, showValue, SUBMISSION_STATUS } from '../lib/submissions';
import { SERVICE_TEXT } from '../lib/timeline';
import { ErrorAlert } from './ErrorAlert';

type Detail = NonNullable<SubmissionDetailQuery['personnel']>;
type RowView = Detail['rows']['nodes'][number];
const ROWS_PAGE = 100;

/** Each import kind's column headers by key (the Chinese names of a row's fields), asked once. */
let columnHeaders: Promise<Map<string, Map<string, string>>> | undefined;
function kindHeaders(): Promise<Map<string, Map<string, string>>> {
  columnHeaders ??= request(ImportKindColumnsDocument, {})
    .then((d) => new Map(d.importKinds.map((k) => [k.kind, new Map(k.columns.map((c) => [c.key, c.header]))])))
    .catch((e: unknown) => {
      columnHeaders = undefined;
      throw e;
    });
  return columnHeaders;
}

/**
 * One submission: what was sent, its rows with before and after (the bureau also sees conflicts and
 * transfers), the return reason, its history; for the bureau approve all or the chosen rows, or return
 * with a reason; for the school withdraw a pending one. `onChanged` follows every decision.
 */
export function SubmissionDetail(props: {
  service: string;
  id: string;
  as: 'school' | 'bureau';
  /** the bureau's names of schools: the school it came from, and a row's school (a transfer's before and after) */
  schoolNameOf?: (id: string) => string;
  onChanged(): void;
}) {
  const { service, id, as, schoolNameOf, onChanged } = props;
  const { message } = App.useApp();
  const [headers, setHeaders] = useState<Map<string, Map<string, string>>>();
  useEffect(() => {
    kindHeaders()
      .then(setHeaders)
      .catch(() => setHeaders(undefined));
  }, []);
  const [detail, setDetail] = useState<Detail | null>();
  const [rows, setRows] = useState<RowView[]>([]);
  const [endCursor, setEndCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | Error>();
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonTouched, setReasonTouched] = useState(false);

  const load = useCallback(
    async (after: string | null) => {
      const d = await request(SubmissionDetailDocument, { id, rowsFirst: ROWS_PAGE, rowsAfter: after, ...flagsFor(service) });
      const s = d[SERVICE_KEY_OF[service]] ?? null;
      setDetail(s);
      setRows((r) => (after ? [...r, ...(s?.rows.nodes ?? [])] : (s?.rows.nodes ?? [])));
      setEndCursor(s?.rows.endCursor ?? null);
    },
    [id, service],
  );
  useEffect(() => {
    setDetail(undefined);
    setSelected([]);
    setError(undefined);
    load(null).catch(setError);
  }, [load]);

  const act = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await what();
      message.success(done);
      setSelected([]);
      await load(null);
      onChanged();
      return true;
    } catch (e) {
      setError(e as Error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const flags = flagsFor(service);
  const approve = (positions?: number[]) =>
    act(() => request(ApproveSubmissionDocument, { id, rows: positions, ...flags }), positions ? `已通过所选 ${positions.length} 行` : '已审核通过');
  const sendReturn = async () => {
    setReasonTouched(true);
    if (returnReasonProblem(reason)) return;
    const positions = selected.length ? selected : undefined;
    const ok = await act(() => request(ReturnSubmissionDocument, { id, rows: positions, reason: reason.trim(), ...flags }), '已退回学校');
    if (ok) {
      setReturning(false);
      setReason('');
      setReasonTouched(false);
    }
  };
  const withdraw = () => act(() => request(WithdrawSubmissionDocument, { id, ...flags }), '已撤回');

  if (detail === undefined) return error ? <ErrorAlert error={error} /> : <Spin style={{ display: 'block', margin: '40px auto' }} />;
  if (detail === null) return <Alert type="warning" showIcon title="报送单不存在，或不在您的权限范围内" />;

  const status = SUBMISSION_STATUS[detail.status] ?? { text: detail.statusLabel, color: 'default' };
  const pending = detail.status === 'PENDING';
  const approvable = rows.filter((r) => r.status === 'PENDING').map((r) => r.position);
  const problem = reasonTouched ? returnReasonProblem(reason) : undefined;
  const shown = (field: string, json: string | null) => {
    const text = showValue(json);
    return field === 'schoolId' && schoolNameOf && text !== '—' ? schoolNameOf(text) : text;
  };

  return (
    <div data-testid="submission-detail">
      <ErrorAlert error={error} />
      {detail.status === 'RETURNED' && detail.returnReason ? (
        <Alert type="error" showIcon title="退回原因" description={detail.returnReason} style={{ marginBottom: 16 }} data-testid="return-reason" />
      ) : null}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="数据类型">{detail.kindTitle}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={status.color} data-testid="submission-status">
            {status.text}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="业务">{SERVICE_TEXT[detail.service] ?? detail.service}</Descriptions.Item>
        {schoolNameOf ? <Descriptions.Item label="学校">{schoolNameOf(detail.schoolId)}</Descriptions.Item> : null}
        <Descriptions.Item label="报送时间">{formatDateTime(detail.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="生效日期">{detail.asOf}</Descriptions.Item>
        <Descriptions.Item label="行数">
          共 {detail.rowCount} 行 · 待审 {detail.pendingRows} · 已通过 {detail.approvedRows}
          {detail.transfers ? ` · 调入 ${detail.transfers}` : ''}
        </Descriptions.Item>
        {detail.reason ? <Descriptions.Item label="报送说明">{detail.reason}</Descriptions.Item> : null}
        {detail.decidedAt ? <Descriptions.Item label="处理时间">{formatDateTime(detail.decidedAt)}</Descriptions.Item> : null}
      </Descriptions>

      {pending ? (
        <Space wrap style={{ marginBottom: 16 }}>
          {as === 'bureau' ? (
            <>
              <Popconfirm title={`通过全部 ${approvable.length} 行待审数据？`} okText="通过" cancelText="取消" onConfirm={() => approve()} disabled={!approvable.length}>
                <Button type="primary" icon={<CheckOutlined />} loading={busy} disabled={!approvable.length} data-testid="approve-all">
                  全部通过
                </Button>
              </Popconfirm>
              <Button
                icon={<CheckOutlined />}
                disabled={busy || !selected.some((p) => approvable.includes(p))}
                onClick={() => approve(selected.filter((p) => approvable.includes(p)))}
                data-testid="approve-selected"
              >
                通过所选（{selected.filter((p) => approvable.includes(p)).length}）
              </Button>
              <Button danger icon={<RollbackOutlined />} disabled={busy} onClick={() => setReturning(true)} data-testid="return">
                {selected.length ? `退回所选（${selected.length}）` : '全部退回'}
              </Button>
            </>
          ) : (
            <Popconfirm title="撤回后这份报送的数据不会写入，可更正后重新报送。确定撤回？" okText="撤回" cancelText="取消" onConfirm={() => withdraw()}>
              <Button icon={<UndoOutlined />} loading={busy} data-testid="withdraw">
                撤回报送
              </Button>
            </Popconfirm>
          )}
        </Space>
      ) : null}

      <Table<RowView>
        rowKey="position"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="submission-rows"
        rowSelection={
          as === 'bureau' && pending
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (r) => ({ disabled: !isOpenRow(r.status) }) }
            : undefined
        }
        columns={[
          { title: '行', dataIndex: 'position', width: 56, render: (p: number) => p + 1 },
          { title: '记录', dataIndex: 'key', render: (k: string) => <Typography.Text style={{ maxWidth: 220 }} ellipsis={{ tooltip: k }}>{k}</Typography.Text> },
          { title: '操作', dataIndex: 'op', render: (op: string) => <Tag color={op === 'TRANSFER' ? 'orange' : op === 'CREATE' ? 'green' : 'blue'}>{ROW_OP[op] ?? op}</Tag> },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, r) => (
              <Space orientation="vertical" size={0}>
                <Tag color={ROW_STATUS[s]?.color}>{ROW_STATUS[s]?.text ?? s}</Tag>
                {r.message ? <Typography.Text type={s === 'CONFLICT' || s === 'REFUSED' ? 'danger' : 'secondary'}>{r.message}</Typography.Text> : null}
              </Space>
            ),
          },
          {
            title: '变更（修改前 → 修改后）',
            key: 'changes',
            render: (_: unknown, r) =>
              r.changes.length ? (
                <div data-testid="row-changes">
                  {/* a school's own rows are all of its school: the field says nothing to it */}
                  {r.changes.filter((c) => c.field !== 'schoolId' || schoolNameOf).map((c) => (
                    <div key={c.field}>
                      <Typography.Text type="secondary">{fieldTitle(c.field, headers?.get(detail.kind))}：</Typography.Text>
                      {r.op === 'CREATE' ? null : (
                        <>
                          <Typography.Text delete>{shown(c.field, c.before)}</Typography.Text> →{' '}
                        </>
                      )}
                      <Typography.Text strong>{shown(c.field, c.after)}</Typography.Text>
                    </div>
                  ))}
                </div>
              ) : (
                <Typography.Text type="secondary">无变更</Typography.Text>
              ),
          },
        ]}
      />
      {endCursor ? (
        <Button style={{ marginTop: 8 }} onClick={() => load(endCursor).catch(setError)}>
          加载更多行
        </Button>
      ) : null}

      {detail.history.length ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            处理记录
          </Typography.Title>
          <Timeline
            items={detail.history.map((h) => ({
              key: `${h.at}-${h.action}`,
              content: (
                <span>
                  {formatDateTime(h.at)} · {EVENT_TEXT[h.action] ?? h.action} {h.rows} 行{h.note ? ` · ${h.note}` : ''}
                </span>
              ),
            }))}
          />
        </>
      ) : null}

      <Modal
        open={returning}
        title={selected.length ? `退回所选 ${selected.length} 行` : '退回全部待审数据'}
        okText="退回"
        cancelText="取消"
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'return-confirm' }}
        onOk={() => void sendReturn()}
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">学校会看到这个原因，据此更正后重新报送。</Typography.Paragraph>
        <Input.TextArea
          rows={4}
          value={reason}
          maxLength={RETURN_REASON_MAX}
          showCount
          placeholder="如：第 3 行身份证件号与户籍信息不符，请核实后重新报送"
          onChange={(e) => setReason(e.target.value)}
          onBlur={() => setReasonTouched(true)}
          status={problem ? 'error' : undefined}
          data-testid="return-reason-input"
        />
        {problem ? <Typography.Text type="danger">{problem}</Typography.Text> : null}
      </Modal>
    </div>
  );
}
