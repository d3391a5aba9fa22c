import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum SubmissionStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(SubmissionStatus, {
  name: 'SubmissionStatus',
  description: 'PENDING 待审核 (rows wait for the bureau), APPROVED 已通过 (no row waits; approved rows written), RETURNED 已退回 (with a reason), WITHDRAWN 已撤回 (by the school)',
});

export const SUBMISSION_STATUS_LABEL: Record<SubmissionStatus, string> = {
  PENDING: '待审核',
  APPROVED: '已通过',
  RETURNED: '已退回',
  WITHDRAWN: '已撤回',
};

export enum SubmissionRowStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  CONFLICT = 'CONFLICT',
  REFUSED = 'REFUSED',
  RETURNED = 'RETURNED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(SubmissionRowStatus, {
  name: 'SubmissionRowStatus',
  description:
    'PENDING 待审核; APPROVED 已通过 (written); CONFLICT 冲突 (the record changed between submission and approval: not written, the bureau returns it); REFUSED 未通过校验 (the rules refuse it now); RETURNED 已退回; WITHDRAWN 已撤回',
});

export enum SubmissionRowOp {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  TRANSFER = 'TRANSFER',
}
registerEnumType(SubmissionRowOp, {
  name: 'SubmissionRowOp',
  description: 'CREATE 新增; UPDATE 修改; TRANSFER 调入 (the record is held by another school now: the bureau sees it as a transfer, the school as a new record)',
});

/**
 * What a school sent that the review policy holds: the rows as sent, planned against the data as it
 * was, waiting for the bureau (kernel table `submission`, in every service with held kinds).
 */
@Entity('submission')
@Index('ix_submission_status', ['status', 'schoolId', 'kind'])
@Index('ix_submission_school', ['schoolId', 'id'])
@Index('ix_submission_job', ['importJobId', 'kind'])
@ObjectType('Submission', { description: '报送: rows a school sent that wait for (or had) the bureau\'s review' })
@Directive('@shareable')
export class Submission {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  @Field({ description: 'The service that keeps the rows' })
  service!: string;

  @Column({ type: 'varchar', length: 40 })
  @Field({ description: 'The kind of record (review policy: teachers, violations, …)' })
  kind!: string;

  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  @Field(() => ID, { description: 'The school that sent it' })
  schoolId!: string;

  @Column({ type: 'varchar', length: 12 })
  @Field(() => SubmissionStatus)
  status!: SubmissionStatus;

  @Column({ name: 'submitted_at', type: 'datetime' })
  @Field({ description: 'When it was sent' })
  submittedAt!: Date;

  @Column({ name: 'submitted_by', type: 'varchar', length: 100 })
  @Field({ description: 'Who sent it (token subject)' })
  submittedBy!: string;

  @Column({ name: 'acting_service', type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: 'The service that sent it for the user (the importer)' })
  actingService!: string | null;

  @Column({ name: 'import_job_id', type: 'varchar', length: 36, nullable: true })
  @Field(() => ID, { nullable: true, description: 'The import job whose rows these are' })
  importJobId!: string | null;

  @Column({ name: 'as_of', type: 'varchar', length: 10 })
  @Field({ description: 'The day the rows take effect (the call\'s asOf, else the day it was sent); approval writes with it' })
  asOf!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the school sent it' })
  reason!: string | null;

  @Column({ name: 'replaces_id', type: 'varchar', length: 36, nullable: true })
  @Field(() => ID, { nullable: true, description: 'The submission this one corrects (sent with options.replaces)' })
  replacesId!: string | null;

  @Column({ name: 'row_count', type: 'int' })
  @Field(() => Int)
  rowCount!: number;

  @Column({ name: 'pending_rows', type: 'int' })
  @Field(() => Int, { description: 'Rows waiting for a decision (pending or in conflict)' })
  pendingRows!: number;

  @Column({ name: 'approved_rows', type: 'int' })
  @Field(() => Int)
  approvedRows!: number;

  @Column({ name: 'transfer_rows', type: 'int' })
  transferRows!: number;

  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was last decided on (approved, returned, withdrawn)' })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'return_reason', type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the bureau returned it (Chinese)' })
  returnReason!: string | null;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

/** One row of a submission: the row as sent, and the record before and after as planned when it was sent. */
@Entity('submission_row')
@Index('ix_submission_row', ['submissionId', 'position'], { unique: true })
@Index('ix_submission_row_teacher', ['teacherId'])
export class SubmissionRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'submission_id', type: 'varchar', length: 36 })
  submissionId!: string;

  /** its place in the submission, from 0 (rows appended by later batches of an import follow) */
  @Column({ type: 'int' })
  position!: number;

  @Column({ name: 'row_key', type: 'varchar', length: 300 })
  key!: string;

  @Column({ type: 'varchar', length: 10 })
  op!: SubmissionRowOp;

  @Column({ type: 'varchar', length: 10 })
  status!: SubmissionRowStatus;

  @Column({ name: 'record_id', type: 'varchar', length: 36 })
  recordId!: string;

  @Column({ name: 'teacher_id', type: 'varchar', length: 36, nullable: true })
  teacherId!: string | null;

  /** the row as sent (v8-serialised input) */
  @Column({ type: 'blob' })
  payload!: Buffer;

  @Column({ name: 'before_json', type: 'text', nullable: true })
  before!: string | null;

  @Column({ name: 'after_json', type: 'text' })
  after!: string;

  /** what the stored record was when it was sent (a hash), to tell a conflict at approval */
  @Column({ name: 'before_hash', type: 'varchar', length: 64 })
  beforeHash!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  message!: string | null;
}

/** What happened to a submission, oldest first: sent, appended to, withdrawn, returned, approved. */
@Entity('submission_event')
@Index('ix_submission_event', ['submissionId', 'id'])
@ObjectType('SubmissionEvent', { description: "A step in a submission's history" })
@Directive('@shareable')
export class SubmissionEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'submission_id', type: 'varchar', length: 36 })
  submissionId!: string;

  @Column({ type: 'datetime' })
  @Field()
  at!: Date;

  @Column({ name: 'actor_subject', type: 'varchar', length: 100 })
  @Field()
  actorSubject!: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  @Field()
  actorRole!: string;

  @Column({ type: 'varchar', length: 20 })
  @Field({ description: 'SUBMITTED, APPENDED, WITHDRAWN, RETURNED, APPROVED, REPLACED' })
  action!: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'The rows it was about' })
  rows!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;
}
