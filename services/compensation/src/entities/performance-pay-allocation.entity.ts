import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../money/fen-column';
import { Fen } from '../money/fen';

/**
 * 核定绩效工资总量: the performance-pay total approved for a public school for a year. GraphQL
 * shows it inside SchoolPerformancePay, beside what was paid.
 */
@Entity('performance_pay_allocation')
@Index('uq_allocation_school_year', ['schoolId', 'year'], { unique: true })
@Index('ix_allocation_year', ['year'])
export class PerformancePayAllocation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  schoolId!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ name: 'approved_total', type: 'bigint', transformer: fenColumn })
  approvedTotal!: Fen;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
