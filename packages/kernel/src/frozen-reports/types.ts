import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { FrozenReport } from './frozen-report.entity';

@ObjectType('ReportFreeze', { description: "A freeze of a year's district report: its figures, as they were then, are the official ones while it stands" })
@Directive('@shareable')
export class ReportFreeze {
  @Field(() => Int) year!: number;
  @Field({ description: 'When the figures were frozen' }) frozenAt!: Date;
  @Field({ description: 'Who froze them (token subject)' }) frozenBy!: string;
  @Field({ description: 'The role they froze them with' }) frozenByRole!: string;
  @Field(() => Date, { nullable: true, description: 'When the freeze was lifted (null while it stands)' }) unfrozenAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who lifted it' }) unfrozenBy!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was lifted' }) unfreezeReason!: string | null;

  static of(row: FrozenReport): ReportFreeze {
    const { year, frozenAt, frozenBy, frozenByRole, unfrozenAt, unfrozenBy, unfreezeReason } = row;
    return Object.assign(new ReportFreeze(), { year, frozenAt, frozenBy, frozenByRole, unfrozenAt, unfrozenBy, unfreezeReason });
  }
}

@ObjectType('FigureRevision', { description: 'A figure of a frozen year whose live recomputation differs from its frozen (official) value: a correction made after the freeze' })
@Directive('@shareable')
export class FigureRevision {
  @Field({ description: 'The service that computes it' }) service!: string;
  @Field({ description: 'Its field of DistrictReport' }) field!: string;
  @Field({ description: 'Its name in the report (Chinese)' }) label!: string;
  @Field(() => String, { nullable: true, description: 'The frozen (official) value, as JSON of what the field answers' }) frozenValue!: string | null;
  @Field(() => String, { nullable: true, description: 'The value computed from the records now, as JSON of what the field answers' }) liveValue!: string | null;
}
