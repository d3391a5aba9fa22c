import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Inspections of schools in a year against the year before (the bureau tracks their reduction)' })
export class InspectionSummary {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'Inspections held in the year' }) events!: number;
  @Field(() => Int, { description: 'Inspections held the year before' }) lastYearEvents!: number;
  @Field(() => Float, { nullable: true, description: '1 − events / lastYearEvents (0.25 is a 25 % reduction; negative: an increase); null when the year before had none' })
  eventReduction!: number | null;
  @Field(() => Int, { description: 'Items on the year’s approved catalogue' }) catalogueItems!: number;
  @Field(() => Int, { description: 'Items on the year before’s catalogue' }) lastYearCatalogueItems!: number;
  @Field(() => Float, { nullable: true, description: '1 − catalogueItems / lastYearCatalogueItems; null when the year before had none' })
  catalogueReduction!: number | null;
}
