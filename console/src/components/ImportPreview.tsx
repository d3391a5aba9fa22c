import { Alert, App, Descriptions, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { request } from '../api/client';
import type { ImportPreview as Preview, PreviewColumn, PreviewProblem } from '../api/imports';
import { RemoveImportColumnMappingDocument, SetImportColumnMappingDocument } from '../__generated__/graphql';
import { currentChoice, mappingChange, mappingChoices, problemCounts, REASON_TEXT, type KindColumn } from '../lib/mapping';

const SEVERITY_COLOR = { error: '#fff1f0', warning: '#fffbe6' } as const;

function worst(problems: readonly PreviewProblem[]): 'error' | 'warning' | undefined {
  if (problems.some((p) => p.severity === 'error')) return 'error';
  return problems.length ? 'warning' : undefined;
}

/**
 * What the importer understood of a file before anything is written: the sheet and its header row,
 * each column's field and why (a clerk corrects a column, remembered for the school and kind), the
 * columns it ignores, the kind's columns the file lacks, and the first rows as read, each cell's
 * problem marked. `onMapped` previews again after a correction.
 */
export function ImportPreview({ preview, kindColumns, onMapped }: { preview: Preview; kindColumns: readonly KindColumn[]; onMapped: () => void }) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState<string>();
  const choices = useMemo(() => mappingChoices(kindColumns), [kindColumns]);
  // every column of the file (`ignored` lists those of them that feed no field)
  const columns = [...preview.columns].sort((a, b) => a.index - b.index);
  const counts = problemCounts(preview.rows);
  const schoolId = preview.school?.id ?? null;

  const choose = async (column: PreviewColumn, choice: string | undefined) => {
    const change = mappingChange(preview.kind, schoolId, column, choice);
    if (change.op === 'none') return;
    setSaving(column.title);
    try {
      if (change.op === 'set') await request(SetImportColumnMappingDocument, { input: { ...change.input } });
      else await request(RemoveImportColumnMappingDocument, { kind: change.kind, header: change.header, schoolId: change.schoolId });
      message.success(`已记住：“${column.title}”${change.op === 'set' ? (change.input.field ? ` → ${kindColumns.find((c) => c.key === change.input.field)?.header ?? change.input.field}` : ' 忽略') : ' 恢复自动识别'}`);
      onMapped();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(undefined);
    }
  };

  const shown = preview.columns.filter((c) => c.field);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-preview">
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
        <Descriptions.Item label="工作表">{preview.sheet}</Descriptions.Item>
        <Descriptions.Item label="表头">第 {preview.headerRow} 行{preview.headerRows > 1 ? `（共 ${preview.headerRows} 行）` : ''}</Descriptions.Item>
        <Descriptions.Item label="数据行（约）">{preview.rowsExpected ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="学校">{preview.school ? (preview.school.name ?? preview.school.code ?? '本校（令牌所属学校）') : '文件中的学校列'}</Descriptions.Item>
      </Descriptions>
      {preview.absent.some((a) => a.requirement.startsWith('必填')) ? (
        <Alert type="error" showIcon title={`文件缺少必填列：${preview.absent.filter((a) => a.requirement.startsWith('必填')).map((a) => a.header).join('、')}`} description="若文件中有这一列但列名不同，请在下表中把它对应到该字段" />
      ) : null}
      <Typography.Title level={5} style={{ margin: 0 }}>
        列的对应（可更正，本校下次导入自动沿用）
      </Typography.Title>
      <Table<PreviewColumn>
        size="small"
        rowKey="index"
        dataSource={columns}
        pagination={false}
        scroll={{ x: 640 }}
        data-testid="preview-columns"
        columns={[
          { title: '列', dataIndex: 'letter', width: 56 },
          { title: '文件中的列名', dataIndex: 'title', width: 180 },
          {
            title: '对应字段',
            key: 'field',
            width: 240,
            render: (_: unknown, c) => (
              <Select
                size="small"
                style={{ width: '100%' }}
                allowClear={c.reason === 'MAPPING' || c.reason === 'MAPPED_AWAY'}
                placeholder="不读取"
                value={currentChoice(c)}
                options={choices}
                loading={saving === c.title}
                disabled={!!saving || c.reason === 'IGNORED'}
                onChange={(v: string | undefined) => void choose(c, v)}
                showSearch
                optionFilterProp="label"
                aria-label={`“${c.title}”对应的字段`}
              />
            ),
          },
          { title: '依据', dataIndex: 'reason', render: (r: string, c) => <Tag color={c.field ? 'green' : 'default'}>{REASON_TEXT[r] ?? r}{c.reason === 'SYNONYM' && c.matched ? `：${c.matched}` : ''}</Tag> },
        ]}
      />
      {preview.absent.length ? (
        <Typography.Text type="secondary">
          文件中没有的列：{preview.absent.map((a) => `${a.header}（${a.requirement}）`).join('、')}
        </Typography.Text>
      ) : null}
      <Space wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          前 {preview.rows.length} 行（按上面的对应读取）
        </Typography.Title>
        {counts.errors ? <Tag color="red">{counts.errors} 个错误</Tag> : <Tag color="green">没有错误</Tag>}
        {counts.warnings ? <Tag color="gold">{counts.warnings} 个警告</Tag> : null}
      </Space>
      <Table
        size="small"
        rowKey="number"
        dataSource={[...preview.rows]}
        pagination={false}
        scroll={{ x: 160 + shown.length * 120 }}
        data-testid="preview-rows"
        columns={[
          {
            title: '行',
            dataIndex: 'number',
            width: 64,
            fixed: 'left' as const,
            render: (n: number, r) =>
              r.problems.length ? (
                <Tooltip title={r.problems.map((p) => p.message).join('；')}>
                  <Typography.Text type={worst(r.problems) === 'error' ? 'danger' : 'warning'}>{n}</Typography.Text>
                </Tooltip>
              ) : (
                n
              ),
          },
          ...shown.map((c) => ({
            title: c.fieldHeader ?? c.title,
            key: String(c.index),
            width: 120,
            onCell: (r: Preview['rows'][number]) => {
              const sev = worst(r.cells.find((x) => x.index === c.index)?.problems ?? []);
              return { style: sev ? { background: SEVERITY_COLOR[sev] } : undefined };
            },
            render: (_: unknown, r: Preview['rows'][number]) => {
              const cell = r.cells.find((x) => x.index === c.index);
              if (!cell) return null;
              return cell.problems.length ? (
                <Tooltip title={cell.problems.map((p) => p.message).join('；')}>
                  <span data-problem={worst(cell.problems)}>{cell.value ?? '（空）'}</span>
                </Tooltip>
              ) : (
                cell.value
              );
            },
          })),
        ]}
      />
    </Space>
  );
}
