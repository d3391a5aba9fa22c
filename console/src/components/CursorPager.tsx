import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import type { CursorPages } from '../lib/cursor-pages';
import { formatCount } from '../lib/format';

/** Previous / next through a connection's cursors, with where the table is and how many rows there are. */
export function CursorPager({ pages, sizes = [10, 20, 50, 100] }: { pages: CursorPages<unknown>; sizes?: readonly number[] }) {
  const pageCount = Math.max(1, Math.ceil(pages.totalCount / pages.pageSize));
  return (
    <Space wrap style={{ justifyContent: 'flex-end', width: '100%', marginTop: 12 }} data-testid="cursor-pager">
      <Typography.Text type="secondary">
        共 {formatCount(pages.totalCount)} 条 · 第 {pages.page} / {pageCount} 页
      </Typography.Text>
      <Button icon={<LeftOutlined />} disabled={!pages.hasPrev || pages.loading} onClick={pages.prev} aria-label="上一页">
        上一页
      </Button>
      <Button disabled={!pages.hasNext || pages.loading} onClick={pages.next} aria-label="下一页">
        下一页 <RightOutlined />
      </Button>
      <Select
        size="middle"
        value={pages.pageSize}
        onChange={(n) => pages.setPageSize(n)}
        options={sizes.map((n) => ({ value: n, label: `每页 ${n} 条` }))}
        style={{ width: 112 }}
        aria-label="每页条数"
      />
    </Space>
  );
}
