import { graphqlEnum } from '@tw/kernel';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AUDIT_ENTITY, AuditEntity } from '../codes';

/**
 * One write of ethics, appraisal, award or negative-list data: who, when, what, before and after.
 * Written in the transaction of the write it records; append-only (the database refuses UPDATE and
 * DELETE on the table, and no mutation changes it).
 */
@Entity('audit_log')
@Index('ix_audit_entity', ['entity', 'id'])
@Index('ix_audit_teacher', ['teacherId', 'id'])
@Index('ix_audit_recorded_at', ['recordedAt'])
@ObjectType('GovernanceAuditEntry', { description: 'A recorded write of ethics, appraisal, award or negative-list data' })
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

  @Column({ type: 'varchar', length: 30 })
  @Field(() => graphqlEnum(AUDIT_ENTITY))
  entity!: AuditEntity;

  @Column({ name: 'entity_id', type: 'varchar', length: 36 })
  @Field(() => ID, { description: 'Id of the record written' })
  entityId!: string;

  @Column({ name: 'record_key', type: 'varchar', length: 300 })
  @Field({ description: 'The natural key of the record, as text' })
  key!: string;

  @Column({ name: 'teacher_id', type: 'varchar', length: 36, nullable: true })
  @Field(() => ID, { nullable: true })
  teacherId!: string | null;

  @Column({ name: 'before_json', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The record before the write, as JSON; null when it was created' })
  before!: string | null;

  @Column({ name: 'after_json', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The record after the write, as JSON' })
  after!: string | null;
}
