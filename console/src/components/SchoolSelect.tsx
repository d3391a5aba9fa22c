import { Button, Divider, Select } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { request } from '../api/client';
import { SchoolOptionsDocument, type SchoolOptionsQuery } from '../__generated__/graphql';

type School = SchoolOptionsQuery['schools']['nodes'][number];
const PAGE = 100;

/**
 * A school, chosen from the district's list a page of 100 at a time ("加载更多" fetches the next page
 * through the cursor); typing filters the schools loaded by name or 学校标识码.
 */
export function SchoolSelect(props: { value?: string; onChange(id: string | undefined): void; token?: string; placeholder?: string; allowClear?: boolean; style?: React.CSSProperties; id?: string }) {
  const [schools, setSchools] = useState<School[]>([]);
  const [after, setAfter] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    async (cursor: string | null) => {
      setLoading(true);
      try {
        const d = await request(SchoolOptionsDocument, { first: PAGE, after: cursor }, { token: props.token });
        setSchools((s) => (cursor ? [...s, ...d.schools.nodes] : d.schools.nodes));
        setAfter(d.schools.pageInfo.endCursor ?? null);
        setMore(d.schools.pageInfo.hasNextPage);
      } finally {
        setLoading(false);
      }
    },
    [props.token],
  );
  useEffect(() => {
    load(null).catch(() => undefined);
  }, [load]);

  return (
    <Select
      id={props.id}
      showSearch
      allowClear={props.allowClear}
      loading={loading}
      value={props.value}
      placeholder={props.placeholder ?? '选择学校'}
      style={props.style}
      onChange={(v) => props.onChange(v ?? undefined)}
      optionFilterProp="label"
      options={schools.map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` }))}
      popupRender={(menu) => (
        <>
          {menu}
          {more ? (
            <>
              <Divider style={{ margin: '4px 0' }} />
              <Button type="link" block loading={loading} onClick={() => load(after)}>
                加载更多学校
              </Button>
            </>
          ) : null}
        </>
      )}
    />
  );
}
