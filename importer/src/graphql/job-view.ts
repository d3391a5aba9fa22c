import { ImportJob } from '../entities/import-job.entity';
import { StoredError } from '../jobs/job-store';
import { ImportIssueSeverity, ImportJobStatus, ImportJobView, ImportRowIssue } from './import-job.type';

/** A job as GraphQL and the REST routes show it. */
export function jobView(j: ImportJob): ImportJobView {
  return {
    id: j.id,
    kind: j.kind,
    fileName: j.fileName,
    fileSize: j.fileSize,
    status: j.status as ImportJobStatus,
    dryRun: j.dryRun,
    partial: j.partial,
    asOf: j.asOf ?? null,
    school: j.school,
    startedBy: j.subject,
    startedByRole: j.role,
    startedBySchoolId: j.principalSchoolId,
    sheet: j.sheet,
    rowsExpected: j.rowsExpected,
    rowsRead: j.rowsRead,
    rowsWritten: j.dryRun ? 0 : j.rowsCreated + j.rowsUpdated,
    rowsCreated: j.rowsCreated,
    rowsUpdated: j.rowsUpdated,
    rowsUnchanged: j.rowsUnchanged,
    rowsSubmitted: j.rowsSubmitted ?? 0,
    submissions: j.submissions ? (JSON.parse(j.submissions) as ImportJobView['submissions']) : [],
    rowsRejected: j.rowsRejected,
    rowsWarned: j.rowsWarned,
    errorCode: j.errorCode,
    errorMessage: j.errorMessage,
    createdAt: j.createdAt,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
    validationMs: j.validationMs,
    writingMs: j.writingMs,
    errorReportUrl: j.rowsRejected > 0 || j.rowsWarned > 0 ? `/imports/${j.id}/errors.xlsx` : null,
  };
}

/** Kept rows as a flat list of issues, one per problem; `severity` keeps only errors or only warnings. */
export function issuesOf(errors: readonly StoredError[], severity?: ImportIssueSeverity): ImportRowIssue[] {
  return errors.flatMap((e) =>
    e.issues
      .map((i) => ({
        sheet: e.sheet,
        row: e.rowNumber,
        column: i.column ?? null,
        value: i.value ?? null,
        code: i.code,
        message: i.message,
        severity: i.severity === 'warning' ? ImportIssueSeverity.WARNING : ImportIssueSeverity.ERROR,
      }))
      .filter((i) => !severity || i.severity === severity),
  );
}
