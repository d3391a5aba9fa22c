import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Studio } from './studio.entity';

/** A member teacher of a studio (the host is not listed among the members). */
@Entity('studio_member')
@Index('uq_studio_member', ['studioId', 'teacherId'], { unique: true })
@Index('ix_studio_member_teacher', ['teacherId'])
export class StudioMember {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'studio_id', type: 'varchar', length: 36 })
  studioId!: string;

  /** declares the foreign key; never loaded */
  @ManyToOne(() => Studio, { nullable: false, onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'studio_id', foreignKeyConstraintName: 'fk_studio_member_studio' })
  studioFk?: Studio;

  @Column({ name: 'teacher_id', type: 'varchar', length: 36 })
  teacherId!: string;

  /** the member's school when the record was written (from personnel) */
  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  schoolId!: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
