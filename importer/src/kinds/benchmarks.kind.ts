import { year, yuan } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';

/** 当地公务员年平均工资 by year: what teachers' pay is held against (upsertCivilServantBenchmarks; DISTRICT_ADMIN). */
export const benchmarksKind = defineKind({
  kind: 'benchmarks',
  title: '公务员年平均工资',
  service: 'compensation',
  mutation: 'upsertCivilServantBenchmarks',
  inputType: 'CivilServantBenchmarkInput',
  roles: ['DISTRICT_ADMIN'],
  keyDescription: '年度',
  keyColumn: 'year',
  columns: [
    { key: 'year', header: '年度', synonyms: ['统计年度'], type: year(), required: true, note: '已结束的年度', example: 2024, inputFields: ['year'] },
    {
      key: 'averageAnnualPay',
      header: '公务员年平均工资(元)',
      synonyms: ['公务员年平均工资', '公务员平均工资', '当地公务员年平均工资', '公务员平均工资(元)'],
      type: yuan(),
      required: true,
      example: 105000,
      inputFields: ['averageAnnualPay'],
    },
  ],
  key: (row) => String(row.year),
  toInput: (row) => ({ year: row.year, averageAnnualPay: row.averageAnnualPay }),
});
