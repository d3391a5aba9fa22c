import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One write to a service's data: who (the token's subject and role, and the service acting for the
 * user when an import job wrote), when, what (kind, id, natural key), and the record before and
 * after. Written in the transaction of the write it records; append-only: the database refuses
 * UPDATE and DELETE on the table, and no mutation changes it.
 */
@Entity('audit_log')
@Index('ix_audit_entity', ['entity', 'entityId'])
@Index('ix_audit_teacher', ['teacherId', 'id'])
@Index('ix_audit_recorded_at', ['recordedAt'])
@ObjectType('AuditEntry', { description: 'A recorded write: who, when, what, before and after' })
@Directive('@shareable')
export class AuditEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID, { description: 'Time-ordered: pages follow the order of the writes' })
  id!: string;

  @Column({ name: 'recorded_at', type: 'datetime' })
  @Field({ description: 'When the write was made' })
  recordedAt!: Date;

  @Column({ name: 'actor_subject', type: 'varchar', length: 100 })
  @Field({ description: 'Who made it: the token subject' })
  actorSubject!: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  @Field({ description: 'The role the write was made with' })
  actorRole!: string;

  @Column({ name: 'acting_service', type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: 'The service that acted for the user (an import job), when one did' })
  actingService!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: 'The request that made the write, as the logs name it' })
  requestId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  @Field({ description: 'The kind of record written (teacher, pay_record, …)' })
  entity!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 36 })
  @Field(() => ID, { description: 'Id of the record written' })
  entityId!: string;

  @Column({ name: 'record_key', type: 'varchar', length: 300 })
  @Field({ description: 'The natural key of the record, as text' })
  key!: string;

  @Column({ name: 'teacher_id', type: 'varchar', length: 36, nullable: true })
  @Field(() => ID, { nullable: true, description: 'The teacher the record is about, when it is about one' })
  teacherId!: string | null;

  @Column({ name: 'before_json', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The record before the write, as JSON; null when it was created' })
  before!: string | null;

  @Column({ name: 'after_json', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The record after the write, as JSON' })
  after!: string | null;
}
