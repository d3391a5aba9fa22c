import { DISTRICT_REPORT_KEY, DistrictReportKey, FigureRow, graphqlEnum, HIRE_CHANNEL } from '@tw/kernel';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { HireChannel } from '../entities/hire.entity';

/**
 * The bureau's yearly indicators: one entity per year (and first year of new designations), to which
 * every subgraph adds the figures it owns. Personnel owns it and adds the roster, hiring and quota figures.
 */
@ObjectType('DistrictReport', {
  description:
    "The district's yearly indicators, each computed from the records of the year by the service that owns them (see docs/analytics.md). " +
    'A "teacher" is one in the roster now whose status is 在本单位任职 or 暂未在本单位任职; "public" is a 公办 school.',
})
@Directive(DISTRICT_REPORT_KEY)
export class DistrictReport extends DistrictReportKey {
  static of(year: number, sinceYear: number): DistrictReport {
    return Object.assign(new DistrictReport(), { year, sinceYear });
  }
}

@ObjectType('HireChannelCount', { description: 'Teachers recruited through one channel (招聘方式) in a year' })
export class HireChannelCount {
  @Field(() => graphqlEnum(HIRE_CHANNEL)) channel!: HireChannel;
  @Field(() => Int) @FigureRow({ label: '其中：{channel}', order: 1 }) count!: number;
}
