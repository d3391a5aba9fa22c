import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { request } from '../api/client';
import { ApiError } from '../api/errors';
import { SubmissionListDocument, type SubmissionFilter, type SubmissionSummaryFragment } from '../__generated__/graphql';
import { mergeServicePages, MERGED_FIRST_PAGE, mergedCursorReducer, serviceFlags, type MergedPage } from './submissions';

export type SubmissionRow = SubmissionSummaryFragment;

export interface SubmissionPages {
  readonly nodes: readonly SubmissionRow[];
  readonly totalCount: number;
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
 * The submissions of the four services as one list, oldest first, a page at a time: one request asks
 * each service (those of `services`, by name; all when undefined) for its page after its own cursor.
 */
export function useSubmissions(filter: SubmissionFilter, services: readonly string[] | undefined, initialPageSize = 20): SubmissionPages {
  const key = JSON.stringify([filter, services]);
  const [cursor, dispatch] = useReducer(mergedCursorReducer, MERGED_FIRST_PAGE);
  const [pageSize, setSize] = useState(initialPageSize);
  const [data, setData] = useState<MergedPage<SubmissionRow>>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();
  const [tick, setTick] = useState(0);
  const args = useRef({ filter, services });
  args.current = { filter, services };

  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    dispatch({ type: 'reset' });
  }, [key, pageSize]);

  const afters = cursor.afters[cursor.afters.length - 1];
  useEffect(() => {
    const ctl = new AbortController();
    const { filter: f, services: s } = args.current;
    setLoading(true);
    setError(undefined);
    request(
      SubmissionListDocument,
      {
        first: pageSize,
        filter: f,
        ...serviceFlags(s),
        personnelAfter: afters.personnel,
        developmentAfter: afters.development,
        compensationAfter: afters.compensation,
        governanceAfter: afters.governance,
      },
      { signal: ctl.signal },
    )
      .then((d) => {
        if (!ctl.signal.aborted) setData(mergeServicePages<SubmissionRow>(d, afters, pageSize));
      })
      .catch((e: unknown) => {
        if (ctl.signal.aborted) return;
        setError(e instanceof ApiError ? e : new ApiError(String((e as Error)?.message ?? e), 'INTERNAL_SERVER_ERROR'));
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
  }, [afters, key, pageSize, tick]);

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
