import { Card, Table, Tag, Typography } from 'antd';
import { request } from '../api/client';
import { DataQualityDocument, type DataQualityQuery } from '../__generated__/graphql';
import { useCursorPages } from '../lib/cursor-pages';
import { CursorPager } from './CursorPager';
import { ErrorAlert } from './ErrorAlert';

type Row = DataQualityQuery['dataQuality']['nodes'][number];

const count = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n ? <Typography.Text type="warning">{n}</Typography.Text> : 0);

/**
 * The data-quality view of a year, a page of schools at a time: the yearly kinds a school sent none
 * of (a gap, not a zero), teachers lacking fields the national template requires, records untouched
 * for over a year, sanctions whose reason names no item of the negative list.
 */
export function DataQualityCard({ year }: { year: number }) {
  const pages = useCursorPages<Row>((first, after, signal) => request(DataQualityDocument, { year, first, after }, { signal }).then((d) => d.dataQuality), String(year), 10);
  return (
    <Card title={`数据质量（${year} 年）`} size="small" data-testid="data-quality">
      <ErrorAlert error={pages.error} />
      <Table<Row>
        rowKey="schoolId"
        size="small"
        loading={pages.loading}
        dataSource={pages.nodes as Row[]}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '学校', key: 'school', fixed: 'left', render: (_: unknown, r) => `${r.schoolName}（${r.schoolCode}）` },
          {
            title: '当年未报送',
            key: 'missing',
            render: (_: unknown, r) =>
              r.missingKindTitles.length ? r.missingKindTitles.map((t) => <Tag color="orange" key={t}>{t}</Tag>) : <Tag color="green">齐全</Tag>,
          },
          { title: '缺国家模板必填项的教师', dataIndex: 'teachersLackingNationalFields', align: 'right', render: count },
          { title: '一年以上未更新的记录', dataIndex: 'staleRecords', align: 'right', render: count },
          { title: '待归类的处分', dataIndex: 'unclassifiedSanctions', align: 'right', render: count },
          { title: '未应答的服务', key: 'unavailable', render: (_: unknown, r) => (r.unavailable.length ? <Typography.Text type="danger">{r.unavailable.join('、')}</Typography.Text> : '—') },
        ]}
      />
      <CursorPager pages={pages} sizes={[10, 20, 50]} />
    </Card>
  );
}
