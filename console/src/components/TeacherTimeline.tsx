import { Button, Empty, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { request } from '../api/client';
import type { ApiError } from '../api/errors';
import { TeacherTimelineDocument, type TeacherTimelineQuery } from '../__generated__/graphql';
import { formatDateTime } from '../lib/labels';
import { changeText, ENTITY_TEXT, OP_TEXT, SERVICE_COLOR, SERVICE_TEXT, visibleChanges } from '../lib/timeline';
import { ErrorAlert } from './ErrorAlert';

type Entry = TeacherTimelineQuery['teacherTimeline']['entries'][number];
const PAGE = 20;

/** A teacher's history across the four services, newest first: what changed (before → after), when it took effect, who recorded it; more on demand through the cursor. */
export function TeacherTimeline({ teacherId }: { teacherId: string }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();

  const load = (after: string | null) => {
    setLoading(true);
    request(TeacherTimelineDocument, { teacherId, first: PAGE, after })
      .then((d) => {
        setEntries((e) => (after ? [...e, ...d.teacherTimeline.entries] : d.teacherTimeline.entries));
        setNext(d.teacherTimeline.endCursor ?? null);
        setMore(d.teacherTimeline.hasNextPage);
      })
      .catch(setError)
      .finally(() => setLoading(false));
  };
  useEffect(() => {
    setEntries([]);
    load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [teacherId]);

  return (
    <div data-testid="teacher-timeline">
      <ErrorAlert error={error} />
      {!loading && !entries.length && !error ? <Empty description="暂无历史记录" /> : null}
      <Timeline
        items={entries.map((e) => ({
          key: e.cursor,
          color: SERVICE_COLOR[e.service] ?? 'gray',
          content: (
            <div>
              <Typography.Text strong>{e.date}</Typography.Text> <Tag color={SERVICE_COLOR[e.service]}>{SERVICE_TEXT[e.service] ?? e.service}</Tag>
              <Tag>
                {ENTITY_TEXT[e.entity] ?? e.entity} {OP_TEXT[e.op] ?? e.op}
              </Tag>
              {e.superseded ? <Tag color="default">已被更正</Tag> : null}
              <div>
                {visibleChanges(e.changes).map((c) => (
                  <div key={c.field}>
                    <Typography.Text type="secondary">{changeText(c)}</Typography.Text>
                  </div>
                ))}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.recordedAt)} 由 {e.recordedBy ?? '—'} 记录{e.importJobId ? '（导入）' : ''}
                {e.reason ? `；原因：${e.reason}` : ''}
              </Typography.Text>
            </div>
          ),
        }))}
      />
      {more ? (
        <Button onClick={() => load(next)} loading={loading} data-testid="timeline-more">
          加载更早的记录
        </Button>
      ) : null}
    </div>
  );
}
