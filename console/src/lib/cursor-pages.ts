import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { ApiError } from '../api/errors';

/** A page of a connection as the API answers it. */
export interface Page<T> {
  readonly nodes: readonly T[];
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

/**
 * Where a table is in a connection: the `after` cursor of each page visited, so the way back is
 * known; the way forward is the last page's endCursor. A table pages one step at a time, never by
 * loading what lies between.
 */
export interface CursorState {
  /** afters[i] is the cursor page i + 1 starts after (null: the first page) */
  readonly afters: readonly (string | null)[];
}

export type CursorAction = { type: 'next'; endCursor: string | null } | { type: 'prev' } | { type: 'reset' };

export const FIRST_PAGE: CursorState = { afters: [null] };

export function cursorReducer(s: CursorState, a: CursorAction): CursorState {
  switch (a.type) {
    case 'next':
      return a.endCursor ? { afters: [...s.afters, a.endCursor] } : s;
    case 'prev':
      return s.afters.length > 1 ? { afters: s.afters.slice(0, -1) } : s;
    case 'reset':
      return FIRST_PAGE;
  }
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

/**
 * A table's rows, a page at a time through the API's cursors. `key` names the query (filters, order):
 * when it changes, the table goes back to the first page.
 * @example const pages = useCursorPages((first, after, signal) => request(TeacherSearchDocument, { first, after, filter }, { signal }).then((d) => d.teachers), JSON.stringify(filter));
 */
export function useCursorPages<T>(load: (first: number, after: string | null, signal: AbortSignal) => Promise<Page<T>>, key: string, initialPageSize = 20): CursorPages<T> {
  const [cursor, dispatch] = useReducer(cursorReducer, FIRST_PAGE);
  const [pageSize, setSize] = useState(initialPageSize);
  const [data, setData] = useState<Page<T> | undefined>();
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
    hasNext: !!data?.pageInfo.hasNextPage,
    hasPrev: cursor.afters.length > 1,
    next: useCallback(() => dispatch({ type: 'next', endCursor: data?.pageInfo.endCursor ?? null }), [data]),
    prev: useCallback(() => dispatch({ type: 'prev' }), []),
    setPageSize: setSize,
    reload: useCallback(() => setTick((t) => t + 1), []),
  };
}
