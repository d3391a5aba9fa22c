import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { ApiError } from '../api/errors';

/** A page of a connection as the API answers it. */
export interface Page<T> {
  readonly nodes: readonly T[];
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

/**
 * Where a table is in a list read a page at a time: the cursor each visited page starts after (any
 * value: one connection's `after`, or one per service for a merged list), so the way back is known;
 * the way forward is the last page's `next`. A table pages one step at a time, never by loading what
 * lies between. `afters[0]` is where the list starts.
 */
export interface PathState<C> {
  readonly afters: readonly C[];
}

export type PathAction<C> = { type: 'next'; next: C | null } | { type: 'prev' } | { type: 'reset' };

export function pathReducer<C>(s: PathState<C>, a: PathAction<C>): PathState<C> {
  switch (a.type) {
    case 'next':
      return a.next !== null ? { afters: [...s.afters, a.next] } : s;
    case 'prev':
      return s.afters.length > 1 ? { afters: s.afters.slice(0, -1) } : s;
    case 'reset':
      return s.afters.length === 1 ? s : { afters: [s.afters[0]] };
  }
}

/** A connection's place: afters[i] is the cursor page i + 1 starts after (null: the first page). */
export type CursorState = PathState<string | null>;
export type CursorAction = { type: 'next'; endCursor: string | null } | { type: 'prev' } | { type: 'reset' };

export const FIRST_PAGE: CursorState = { afters: [null] };

export function cursorReducer(s: CursorState, a: CursorAction): CursorState {
  return pathReducer(s, a.type === 'next' ? { type: 'next', next: a.endCursor } : a);
}

export interface CursorPages<T> {
  readonly nodes: readonly T[];
  readonly totalCount: number;
  /** 1-based */
  readonly page: number;
  readonly pageSize: number;
  readonly loading: boolean;
  readonly error: ApiError | undefined;
  readonly hasNext: boolean;
  readonly hasPrev: boolean;
  next(): void;
  prev(): void;
  setPageSize(n: number): void;
  reload(): void;
}

/** One page of a list and where the next starts (null: nowhere further). */
export interface PathPage<T, C> {
  readonly nodes: readonly T[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  readonly next: C | null;
}

/**
 * A table's rows, a page at a time: `load(first, after)` answers the page after `after` and where the
 * next one starts. `key` names the query (filters, order): when it changes, the table goes back to
 * its first page.
 */
export function usePagePath<T, C>(load: (first: number, after: C, signal: AbortSignal) => Promise<PathPage<T, C>>, start: C, key: string, initialPageSize = 20): CursorPages<T> {
  const [cursor, dispatch] = useReducer(pathReducer<C>, { afters: [start] });
  const [pageSize, setSize] = useState(initialPageSize);
  const [data, setData] = useState<PathPage<T, C> | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | undefined>();
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // a new query starts from its first page
  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    dispatch({ type: 'reset' });
  }, [key, pageSize]);

  const after = cursor.afters[cursor.afters.length - 1];
  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setError(undefined);
    loadRef
      .current(pageSize, after, ctl.signal)
      .then((page) => {
        if (!ctl.signal.aborted) setData(page);
      })
      .catch((e: unknown) => {
        if (ctl.signal.aborted) return;
        setError(e instanceof ApiError ? e : new ApiError(String((e as Error)?.message ?? e), 'INTERNAL_SERVER_ERROR'));
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
  }, [after, key, pageSize, tick]);

  return {
    nodes: data?.nodes ?? [],
    totalCount: data?.totalCount ?? 0,
    page: cursor.afters.length,
    pageSize,
    loading,
    error,
    hasNext: !!data?.hasNextPage,
    hasPrev: cursor.afters.length > 1,
    next: useCallback(() => data && dispatch({ type: 'next', next: data.next }), [data]),
    prev: useCallback(() => dispatch({ type: 'prev' }), []),
    setPageSize: setSize,
    reload: useCallback(() => setTick((t) => t + 1), []),
  };
}

/**
 * A table's rows, a page at a time through the API's cursors. `key` names the query (filters, order):
 * when it changes, the table goes back to the first page.
 * @example const pages = useCursorPages((first, after, signal) => request(TeacherSearchDocument, { first, after, filter }, { signal }).then((d) => d.teachers), JSON.stringify(filter));
 */
export function useCursorPages<T>(load: (first: number, after: string | null, signal: AbortSignal) => Promise<Page<T>>, key: string, initialPageSize = 20): CursorPages<T> {
  return usePagePath<T, string | null>(
    (first, after, signal) => load(first, after, signal).then((p) => ({ nodes: p.nodes, totalCount: p.totalCount, hasNextPage: p.pageInfo.hasNextPage, next: p.pageInfo.endCursor })),
    null,
    key,
    initialPageSize,
  );
}
