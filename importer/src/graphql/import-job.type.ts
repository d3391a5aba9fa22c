import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportJobStatus {
  QUEUED = 'queued',
  VALIDATING = 'validating',
  WRITING = 'writing',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
  PARTIALLY_SUCCEEDED = 'partially_succeeded',
}
registerEnumType(ImportJobStatus, {
  name: 'ImportJobStatus',
  description: 'Where an import job stands',
  valuesConfig: {
    QUEUED: { description: 'uploaded, waiting for an importer instance' },
    VALIDATING: { description: 'reading and checking every row (nothing written yet unless partial)' },
    WRITING: { description: 'every row passed: writing through the bulk mutations' },
    SUCCEEDED: { description: 'every row imported (or, on a dry run, would be)' },
    FAILED: { description: 'nothing imported (rows rejected, or the file could not be read); see errorCode' },
    PARTIALLY_SUCCEEDED: { description: 'partial: the valid rows imported, the others rejected' },
  },
});

export enum ImportIssueSeverity {
  ERROR = 'error',
  WARNING = 'warning',
}
registerEnumType(ImportIssueSeverity, {
  name: 'ImportIssueSeverity',
  description: 'Whether a problem rejects its row',
  valuesConfig: {
    ERROR: { description: 'the row is rejected' },
    WARNING: { description: 'the row is written; the clerk should check what was read (a word classified, a date form guessed, text cut)' },
  },
});

@ObjectType('ImportSubmissionRef', { description: 'A submission an import job\'s held rows went to' })
export class ImportSubmissionRef {
  @Field({ description: 'The service that keeps it (personnelSubmission, governanceSubmission, …)' }) service!: string;
  @Field({ description: 'The kind (review policy)' }) kind!: string;
  @Field(() => ID) id!: string;
}

@ObjectType('ImportRowIssue', { description: 'A problem with one row of an imported file: an error (the row is rejected) or a warning (the row is written)' })
export class ImportRowIssue {
  @Field({ description: 'The sheet read (the file name for a CSV)' }) sheet!: string;
  @Field(() => Int, { description: 'The row number in the sheet, as Excel shows it' }) row!: number;
  @Field(() => String, { nullable: true, description: "The column's header as the file wrote it" }) column!: string | null;
  @Field(() => String, { nullable: true, description: 'The cell as text' }) value!: string | null;
  @Field({ description: 'Stable code, e.g. ID_NUMBER_CHECK_DIGIT' }) code!: string;
  @Field({ description: 'For people, in Chinese, naming the sheet, row, column and value' }) message!: string;
  @Field(() => ImportIssueSeverity) severity!: ImportIssueSeverity;
}

@ObjectType('ImportJob', { description: 'An import of a spreadsheet: who started it, where it stands, what it did' })
export class ImportJobView {
  @Field(() => ID) id!: string;
  @Field({ description: 'teachers, schools, quotas, hires, rotations…' }) kind!: string;
  @Field() fileName!: string;
  @Field(() => Int, { description: 'bytes' }) fileSize!: number;
  @Field(() => ImportJobStatus) status!: ImportJobStatus;
  @Field({ description: 'checked only, nothing written' }) dryRun!: boolean;
  @Field({ description: 'the valid rows written even when others are rejected' }) partial!: boolean;
  @Field(() => String, { nullable: true, description: 'The day the rows took effect in the world (YYYY-MM-DD; upload field asOf, CLI --as-of), for rows without a date of their own; null: the day they were written' }) asOf!: string | null;
  @Field(() => String, { nullable: true, description: 'The school the upload named (学校标识码 or name), for rows without one' }) school!: string | null;
  @Field({ description: 'Subject of the user who started it' }) startedBy!: string;
  @Field({ description: "That user's role" }) startedByRole!: string;
  @Field(() => ID, { nullable: true, description: "That user's school (SCHOOL_ADMIN)" }) startedBySchoolId!: string | null;
  @Field(() => String, { nullable: true, description: 'The sheet the header was found on' }) sheet!: string | null;
  @Field(() => Int, { nullable: true, description: 'Rows the file declares (an estimate, for progress bars)' }) rowsExpected!: number | null;
  @Field(() => Int, { description: 'Data rows read so far' }) rowsRead!: number;
  @Field(() => Int, { description: 'Rows created or updated' }) rowsWritten!: number;
  @Field(() => Int) rowsCreated!: number;
  @Field(() => Int) rowsUpdated!: number;
  @Field(() => Int, { description: 'Rows identical to what is stored (a re-import)' }) rowsUnchanged!: number;
  @Field(() => Int, { description: "Rows the review policy held (a school admin's held kinds): not written, sent to the bureau in `submissions` (待审核)" }) rowsSubmitted!: number;
  @Field(() => [ImportSubmissionRef], { description: 'The submissions the held rows went to (one per service and kind): read them with <service>Submission(id)' }) submissions!: ImportSubmissionRef[];
  @Field(() => Int) rowsRejected!: number;
  @Field(() => Int, { description: 'Rows written (on a dry run: to be written) with warnings; they are not rejected' }) rowsWarned!: number;
  @Field(() => String, { nullable: true, description: 'Why the job failed, as a stable code (ROWS_REJECTED, LEGACY_XLS, ZIP_RATIO…)' }) errorCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the job failed, for people (Chinese)' }) errorMessage!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Milliseconds spent reading and checking' }) validationMs!: number | null;
  @Field(() => Int, { nullable: true, description: 'Milliseconds spent writing' }) writingMs!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Path (on the gateway) of the error report: the rejected rows in the file’s own columns with an 错误信息 column (import it again once corrected), and the rows written with warnings',
  })
  errorReportUrl!: string | null;
}
