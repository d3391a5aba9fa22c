import { DownloadOutlined, InfoCircleOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Input, Modal, Popconfirm, Row, Select, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { download, request } from '../api/client';
import type { ApiError } from '../api/errors';
import { figureDefinitions, metricOf, type FigureDefinition } from '../api/figures';
import { CursorPager } from '../components/CursorPager';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSession } from '../app/session';
import {
  DistrictFiguresDocument,
  FreezeDistrictReportDocument,
  UnfreezeDistrictReportDocument,
  DistrictTrendsDocument,
  SchoolComparisonDocument,
  type DistrictFiguresQuery,
  type DistrictTrendsQuery,
  type SchoolComparisonQuery,
  type SchoolReportMetric,
  type SortDirection,
} from '../__generated__/graphql';
import { useCursorPages } from '../lib/cursor-pages';
import { chartValue, formatChange, formatFigure } from '../lib/format';
import { freezeText, revisionRows, type RevisionRow } from '../lib/frozen';
import { isGapValue } from '@tw/kernel/data-gaps';
import { cardGap } from '../lib/gaps';
import { DataQualityCard } from '../components/DataQualityCard';
import { CODES, currentYear, label } from '../lib/labels';

const EChart = lazy(() => import('../components/charts/EChart'));

type Report = DistrictFiguresQuery['districtReport'];
type Trend = DistrictTrendsQuery['districtReports'][number];
type SchoolRow = SchoolComparisonQuery['schoolComparison']['nodes'][number];

const TREND_YEARS = 5;
/** the trends drawn, each a chart of figures sharing a scale */
const TREND_CHARTS: ReadonlyArray<{ title: string; fields: ReadonlyArray<keyof Trend> }> = [
  { title: '教师与培训', fields: ['teacherCount', 'trainingPersonTimes', 'ethicsTrainingPersonTimes'] },
  { title: '比例', fields: ['designatedShareOfPublicTeachers', 'payParityRatio'] },
];
/** the school comparison's columns (figures of SchoolReport the query selects) */
const SCHOOL_COLUMNS = ['teacherCount', 'publicTeacherCount', 'partyMemberTeacherCount', 'quotaApproved', 'quotaFilled', 'trainingPersonTimes', 'trainingHours', 'newDesignations', 'designatedTeacherCount', 'designatedShareOfPublicTeachers', 'studioCount', 'demonstrationLessons', 'ethicsVetoedTeachers', 'averageTeacherPay', 'payParityRatio', 'teachersCommended', 'inspections', 'inspectionReduction', 'reformStatus'] as const;

function valueText(f: FigureDefinition, v: unknown): string {
  if (f.format === 'status') return label(CODES.REFORM_STATUS, v as string);
  return formatFigure(v, f.format);
}

/** The district's figures for a year, their trends, the school comparison and the workbook export. */
export default function Dashboard() {
  const { message } = App.useApp();
  const [year, setYear] = useState(() => currentYear());
  const [defs, setDefs] = useState<readonly FigureDefinition[]>();
  const [report, setReport] = useState<Report>();
  const [trends, setTrends] = useState<readonly Trend[]>();
  const [error, setError] = useState<ApiError>();
  const [orderBy, setOrderBy] = useState<SchoolReportMetric>('TEACHER_COUNT');
  const [direction, setDirection] = useState<SortDirection>('DESC');
  const { session } = useSession();
  const admin = session?.role === 'DISTRICT_ADMIN';
  const [reloads, setReloads] = useState(0);
  const [busy, setBusy] = useState(false);
  const [unfreezing, setUnfreezing] = useState(false);
  const [reason, setReason] = useState('');

  useEffect(() => {
    figureDefinitions().then((d) => setDefs(d.figures), setError);
  }, []);
  useEffect(() => {
    setReport(undefined);
    setTrends(undefined);
    setError(undefined);
    request(DistrictFiguresDocument, { year }).then((d) => setReport(d.districtReport), setError);
    request(DistrictTrendsDocument, { fromYear: year - TREND_YEARS + 1, toYear: year }).then((d) => setTrends(d.districtReports), setError);
  }, [year, reloads]);

  const freeze = () => {
    setBusy(true);
    request(FreezeDistrictReportDocument, { year })
      .then(() => {
        message.success(`${year} 年报表已冻结为正式数据`);
        setReloads((n) => n + 1);
      }, (e: ApiError) => message.error(e.message))
      .finally(() => setBusy(false));
  };
  const unfreeze = () => {
    if (!reason.trim()) return;
    setBusy(true);
    request(UnfreezeDistrictReportDocument, { year, reason: reason.trim() })
      .then(() => {
        message.success(`${year} 年报表已解除冻结`);
        setUnfreezing(false);
        setReason('');
        setReloads((n) => n + 1);
      }, (e: ApiError) => message.error(e.message))
      .finally(() => setBusy(false));
  };

  const byField = useMemo(() => new Map((defs ?? []).map((f) => [f.field, f])), [defs]);
  const revisions = useMemo(
    () =>
      report?.frozen
        ? revisionRows([...report.personnelRevisions, ...report.professionalDevelopmentRevisions, ...report.compensationRevisions, ...report.governanceRevisions], byField)
        : [],
    [report, byField],
  );
  const kindTitles = useMemo(() => new Map((report?.dataGaps ?? []).map((g) => [g.kind, g.kindTitle])), [report]);
  const previous = trends?.find((t) => t.year === year - 1) as Record<string, unknown> | undefined;
  const groups = useMemo(() => {
    const out = new Map<string, FigureDefinition[]>();
    for (const f of defs ?? []) {
      if (!report || !(f.field in report)) continue;
      out.set(f.group, [...(out.get(f.group) ?? []), f]);
    }
    return [...out];
  }, [defs, report]);

  const pages = useCursorPages<SchoolRow>(
    (first, after, signal) => request(SchoolComparisonDocument, { year, orderBy, direction, first, after }, { signal }).then((d) => d.schoolComparison),
    `${year}:${orderBy}:${direction}`,
    10,
  );
  const orderField = SCHOOL_COLUMNS.find((f) => metricOf(f) === orderBy);
  const orderDef = orderField ? byField.get(orderField) : undefined;

  const years = Array.from({ length: 8 }, (_, i) => currentYear() - i);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {year} 年教师队伍建设情况
            </Typography.Title>
            {report?.frozen ? (
              <Tag color="green" icon={<LockOutlined />} data-testid="frozen-tag">
                {freezeText(report.frozen)}
              </Tag>
            ) : null}
          </Space>
          <Space wrap>
            {admin && report ? (
              report.frozen ? (
                <Button icon={<UnlockOutlined />} onClick={() => setUnfreezing(true)} disabled={busy} data-testid="unfreeze">
                  解除冻结
                </Button>
              ) : (
                <Popconfirm title={`将 ${year} 年各项数字冻结为正式数据？`} description="冻结后报表按冻结时的数字显示，其后的更正另行列出。" okText="冻结" cancelText="取消" onConfirm={freeze}>
                  <Button icon={<LockOutlined />} loading={busy} data-testid="freeze">
                    冻结为正式数据
                  </Button>
                </Popconfirm>
              )
            ) : null}
            <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y} 年` }))} style={{ width: 110 }} aria-label="年度" data-testid="year-select" />
            <Button icon={<DownloadOutlined />} onClick={() => download(`/reports/district/${year}.xlsx`, `${year}年度教师队伍建设报表.xlsx`).catch((e: Error) => message.error(e.message))} data-testid="export">
              导出报表
            </Button>
          </Space>
        </Space>
      </Card>
      <ErrorAlert error={error} />
      <Modal
        title={`解除 ${year} 年报表冻结`}
        open={unfreezing}
        okText="解除冻结"
        cancelText="取消"
        okButtonProps={{ disabled: !reason.trim(), loading: busy }}
        onOk={unfreeze}
        onCancel={() => setUnfreezing(false)}
      >
        <Typography.Paragraph>解除后各项数字按现有记录重新计算。请填写原因（记入审计日志）：</Typography.Paragraph>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={500} placeholder="例如：补录 2025 年培训记录，重新核定" aria-label="解除冻结的原因" data-testid="unfreeze-reason" />
      </Modal>
      {report?.frozen && revisions.length ? (
        <Card title={`冻结后的更正（${revisions.length} 项）`} size="small" data-testid="revisions">
          <Typography.Paragraph type="secondary">以下数字在冻结后因记录更正而变化：报表仍按冻结值（正式数据）显示，现值仅供参考。</Typography.Paragraph>
          <Table<RevisionRow>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={revisions}
            columns={[
              { title: '类别', dataIndex: 'service' },
              { title: '指标', dataIndex: 'label' },
              { title: '冻结值（正式）', dataIndex: 'frozen', align: 'right' },
              { title: '现值', dataIndex: 'live', align: 'right' },
            ]}
          />
        </Card>
      ) : null}
      {!report || !defs ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        groups.map(([group, figures]) => (
          <Card key={group} title={group} size="small">
            <Row gutter={[12, 12]}>
              {figures.map((f) => {
                const v = (report as Record<string, unknown>)[f.field];
                const change = formatChange(v, previous?.[f.field], f.format);
                const gap = cardGap(f.kinds ?? [], report.dataGaps);
                return (
                  <Col xs={12} sm={8} lg={6} xl={4} key={f.field}>
                    <Card size="small" style={{ height: '100%' }} data-testid={`figure-${f.field}`}>
                      <Statistic
                        title={
                          <Tooltip title={f.definition}>
                            <span>
                              {f.label} <InfoCircleOutlined style={{ color: '#bfbfbf' }} />
                            </span>
                          </Tooltip>
                        }
                        value={valueText(f, v)}
                        suffix={f.format === 'percent' || v === null || v === undefined ? undefined : <span style={{ fontSize: 13 }}>{f.unit}</span>}
                        styles={{ content: { fontSize: 22 } }}
                      />
                      {change ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          比上年 {change}
                        </Typography.Text>
                      ) : null}
                      {gap ? (
                        <Tooltip title={gap.tooltip}>
                          <Tag color="orange" style={{ marginTop: 4 }} data-testid={`gap-${f.field}`}>
                            {gap.summary}
                          </Tag>
                        </Tooltip>
                      ) : null}
                    </Card>
                  </Col>
                );
              })}
            </Row>
          </Card>
        ))
      )}
      <Row gutter={[16, 16]}>
        {TREND_CHARTS.map((chart) => (
          <Col xs={24} lg={12} key={chart.title}>
            <Card title={`${chart.title}（近 ${TREND_YEARS} 年）`} size="small">
              {trends && defs ? (
                <Suspense fallback={<Skeleton active />}>
                  <EChart label={`${chart.title}趋势图`} option={trendOption(trends, chart.fields, byField)} />
                </Suspense>
              ) : (
                <Skeleton active />
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <Card title="学校对比" size="small">
        <ErrorAlert error={pages.error} />
        {orderDef && pages.nodes.length ? (
          <Suspense fallback={<Skeleton active />}>
            <EChart label={`学校对比：${orderDef.label}`} height={240} option={barOption(pages.nodes, orderDef)} />
          </Suspense>
        ) : null}
        <Table<SchoolRow>
          rowKey="schoolId"
          size="small"
          loading={pages.loading}
          dataSource={pages.nodes as SchoolRow[]}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="school-comparison"
          // the order is the API's: a click toggles the direction, never back to "unsorted"
          sortDirections={['descend', 'ascend', 'descend']}
          onChange={(_p, _f, sorter) => {
            const s = sorter as SorterResult<SchoolRow>;
            if (!s.columnKey || !s.order) return;
            setOrderBy(s.columnKey as SchoolReportMetric);
            setDirection(s.order === 'ascend' ? 'ASC' : 'DESC');
          }}
          columns={[
            {
              title: '学校',
              key: 'SCHOOL_NAME',
              fixed: 'left',
              sorter: true,
              sortOrder: orderBy === 'SCHOOL_NAME' ? (direction === 'ASC' ? 'ascend' : 'descend') : null,
              render: (_: unknown, r) => r.school?.name ?? r.schoolId,
            },
            ...SCHOOL_COLUMNS.flatMap((field) => {
              const f = byField.get(field);
              if (!f) return [];
              const key = metricOf(field);
              return [
                {
                  title: (
                    <Tooltip title={f.schoolDefinition ?? f.definition}>
                      {f.label}
                      {f.unit && f.format !== 'percent' && f.format !== 'status' ? `（${f.unit}）` : ''}
                    </Tooltip>
                  ),
                  key,
                  dataIndex: field,
                  align: 'right' as const,
                  sorter: true,
                  sortOrder: orderBy === key ? (direction === 'ASC' ? ('ascend' as const) : ('descend' as const)) : null,
                  render: (v: unknown, r: SchoolRow) =>
                    isGapValue(f.kinds ?? [], r.missingKinds, v) ? (
                      <Tooltip title="该校当年没有报送此项所依据的数据：这是缺口，不是 0">
                        <Tag color="orange">未报送</Tag>
                      </Tooltip>
                    ) : (
                      valueText(f, v)
                    ),
                },
              ];
            }),
            {
              title: '当年未报送',
              key: 'missing',
              render: (_: unknown, r: SchoolRow) => (r.missingKinds ?? []).map((k) => kindTitles.get(k) ?? k).join('、') || '—',
            },
          ]}
        />
        <CursorPager pages={pages} sizes={[10, 20, 50]} />
      </Card>
      <DataQualityCard year={year} />
    </Space>
  );
}

function trendOption(trends: readonly Trend[], fields: ReadonlyArray<keyof Trend>, defs: ReadonlyMap<string, FigureDefinition>) {
  const series = fields.flatMap((field) => {
    const f = defs.get(field as string);
    return f ? [{ f, data: trends.map((t) => chartValue(t[field], f.format)) }] : [];
  });
  const percent = series.every((s) => s.f.format === 'percent');
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : percent ? `${v}%` : v.toLocaleString('zh-CN')) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trends.map((t) => `${t.year}`) },
    yAxis: { type: 'value', axisLabel: { formatter: percent ? '{value}%' : '{value}' } },
    series: series.map((s) => ({ name: s.f.label, type: 'line', data: s.data, connectNulls: false, smooth: false })),
  };
}

function barOption(rows: readonly SchoolRow[], f: FigureDefinition) {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.school?.name ?? r.schoolId), axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0, width: 80, overflow: 'truncate' } },
    yAxis: { type: 'value', name: f.format === 'percent' ? '%' : f.unit },
    series: [{ name: f.label, type: 'bar', data: rows.map((r) => chartValue((r as Record<string, unknown>)[f.field], f.format)), itemStyle: { color: '#1677ff' } }],
  };
}
