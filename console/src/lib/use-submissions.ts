import { request } from '../api/client';
import { SubmissionListDocument, type SubmissionFilter, type SubmissionSummaryFragment } from '../__generated__/graphql';
import { type CursorPages, usePagePath } from './cursor-pages';
import { FROM_START, mergeServicePages, serviceFlags } from './submissions';

export type SubmissionRow = SubmissionSummaryFragment;

/**
 * The submissions of the four services as one list, oldest first, a page at a time: one request asks
 * each service (those of `services`, by name; all when undefined) for its page after its own cursor.
 */
export function useSubmissions(filter: SubmissionFilter, services: readonly string[] | undefined, initialPageSize = 20): CursorPages<SubmissionRow> {
  return usePagePath(
    (first, afters, signal) =>
      request(
        SubmissionListDocument,
        {
          first,
          filter,
          ...serviceFlags(services),
          personnelAfter: afters.personnel,
          developmentAfter: afters.development,
          compensationAfter: afters.compensation,
          governanceAfter: afters.governance,
        },
        { signal },
      ).then((d) => mergeServicePages<SubmissionRow>(d, afters, first)),
    FROM_START,
    JSON.stringify([filter, services]),
    initialPageSize,
  );
}
