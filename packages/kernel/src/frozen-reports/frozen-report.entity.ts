import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The figures one service answered for a year when it was frozen, as `figures_json` holds them. */
export interface FrozenFigures {
  /** every reader that may read each teacher's data (DISTRICT_ADMIN, services): nothing withheld */
  readonly open: Record<string, unknown>;
  /** every other report reader (SCHOOL_ADMIN, ANALYST): the small-group rule as it withholds from ANALYST */
  readonly restricted: Record<string, unknown>;
}

/**
 * One freeze of a year's report in this service (table `frozen_report`, CreateFrozenReport1765100000000).
 * Lifting a freeze keeps the row: `activeYear` becomes null and who lifted it, when and why are set.
 */
@Entity('frozen_report')
@Index('ux_frozen_report_active_year', ['activeYear'], { unique: true })
@Index('ix_frozen_report_year', ['year'])
export class FrozenReport {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'int' }) year!: number;
  /** the year while the freeze stands, null once lifted */
  @Column({ name: 'active_year', type: 'int', nullable: true }) activeYear!: number | null;
  /** the same for every service's row of one freezeDistrictReport */
  @Column({ name: 'freeze_id', type: 'varchar', length: 36 }) freezeId!: string;
  /** JSON of FrozenFigures */
  @Column({ name: 'figures_json', type: 'text' }) figuresJson!: string;
  @Column({ name: 'frozen_at', type: 'datetime' }) frozenAt!: Date;
  @Column({ name: 'frozen_by', type: 'varchar', length: 100 }) frozenBy!: string;
  @Column({ name: 'frozen_by_role', type: 'varchar', length: 20 }) frozenByRole!: string;
  @Column({ name: 'unfrozen_at', type: 'datetime', nullable: true }) unfrozenAt!: Date | null;
  @Column({ name: 'unfrozen_by', type: 'varchar', length: 100, nullable: true }) unfrozenBy!: string | null;
  @Column({ name: 'unfreeze_reason', type: 'varchar', length: 500, nullable: true }) unfreezeReason!: string | null;

  figures(): FrozenFigures {
    return JSON.parse(this.figuresJson) as FrozenFigures;
  }
}
