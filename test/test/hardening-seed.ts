/**
 * A small district for the hardening tests, written through the gateway's bulk mutations: a few
 * public schools of the demo generator, their teachers, and for last year a pay record, a training
 * and an ethics assessment per teacher (one record in every subgraph). Seconds, where the whole demo
 * district takes a quarter of a minute.
 */
import { DemoTeacher, generateDistrict } from '@tw/demo';
import { caller } from '../src/callers';
import { TEST_DATE, TEST_YEAR } from '@tw/kernel/testing';

export type Caller = ReturnType<typeof caller>;

/** A bulk mutation with its per-row answer. */
export const UPSERT = (mutation: string, input: string) =>
  `mutation($rows: [${input}!]!, $options: BulkOptions) { r: ${mutation}(rows: $rows, options: $options) { created updated unchanged rejected written rows { index status code message } } }`;

export interface BulkAnswer {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  written: boolean;
  rows: Array<{ index: number; status: string; code: string | null; message: string | null }>;
}

/** Sends rows to a bulk mutation in batches of 1,000; fails on any error or rejected row. */
export async function bulk(gql: Caller, mutation: string, input: string, rows: readonly unknown[]): Promise<BulkAnswer[]> {
  const answers: BulkAnswer[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const r = await gql<{ r: BulkAnswer }>(UPSERT(mutation, input), { rows: rows.slice(i, i + 1000) });
    if (r.errors?.length) throw new Error(`${mutation}: ${r.errors.map((e) => e.message).join('; ')}`);
    const first = r.data!.r.rows.find((x) => x.status === 'REJECTED');
    if (first) throw new Error(`${mutation}: row ${i + first.index} rejected: ${first.code} ${first.message}`);
    answers.push(r.data!.r);
  }
  return answers;
}

export interface SeededTeacher {
  id: string;
  name: string;
  idNumber: string;
  schoolId: string;
}

export interface SmallDistrict {
  /** last year: the year of the pay records, trainings and ethics assessments */
  readonly year: number;
  readonly schools: ReadonlyArray<{ id: string; code: string; name: string }>;
  readonly teachers: readonly SeededTeacher[];
  /** teachers of the same schools the seed did not write, for tests that write them */
  readonly unwritten: readonly DemoTeacher[];
  /** the annual income written for each teacher id, in yuan */
  readonly pay: ReadonlyMap<string, string>;
}

/**
 * Writes `schoolCount` public schools of the demo generator, up to `teachersPerSchool` of each one's
 * serving teachers, and last year's pay, training and ethics for each.
 * @example const d = await seedSmallDistrict(caller(p.gatewayUrl, p.token(admin)), 3);
 */
export async function seedSmallDistrict(gql: Caller, schoolCount = 3, teachersPerSchool = 40): Promise<SmallDistrict> {
  const year = TEST_YEAR - 1;
  const d = generateDistrict(11, TEST_DATE);
  const schools = d.schools.filter((s) => s.sponsor === 'PUBLIC').slice(0, schoolCount);
  const codes = new Set(schools.map((s) => s.code));
  const candidates = d.teachers.filter((t) => codes.has(t.schoolCode) && t.status === 'IN_SERVICE' && t.workStartMonth < `${year}-01`);
  const chosen = schools.flatMap((s) => candidates.filter((t) => t.schoolCode === s.code).slice(0, teachersPerSchool));
  const chosenIds = new Set(chosen.map((t) => t.idNumber));
  await bulk(gql, 'upsertSchools', 'SchoolInput', schools);
  await bulk(gql, 'upsertTeachers', 'TeacherInput', chosen);

  const read = await gql<{ schools: { nodes: Array<{ id: string; code: string; name: string }> }; teachers: { nodes: Array<{ id: string; name: string; idNumber: string; school: { id: string } }> } }>(
    '{ schools(first: 1000) { nodes { id code name } } teachers(first: 1000) { nodes { id name idNumber school { id } } } }',
  );
  if (read.errors?.length) throw new Error(read.errors.map((e) => e.message).join('; '));
  const teachers = read.data!.teachers.nodes.map((t) => ({ id: t.id, name: t.name, idNumber: t.idNumber, schoolId: t.school.id }));
  const pay = new Map(teachers.map((t, i) => [t.id, `${(81_000 + i * 37).toString()}.${String(10 + (i % 89)).padStart(2, '0')}`]));
  await bulk(gql, 'upsertPayRecords', 'PayRecordInput', teachers.map((t) => ({ teacherId: t.id, year, annualIncome: pay.get(t.id) })));
  await bulk(
    gql,
    'upsertTrainings',
    'TrainingInput',
    teachers.map((t) => ({ teacherId: t.id, year, level: 'COUNTY', projectName: `${year}年区级全员培训`, mode: 'BLENDED', hours: 24 })),
  );
  await bulk(gql, 'upsertEthicsAssessments', 'EthicsAssessmentInput', teachers.map((t) => ({ teacherId: t.id, year, result: 'COMPETENT' })));
  return {
    year,
    schools: read.data!.schools.nodes,
    teachers,
    unwritten: d.teachers.filter((t) => codes.has(t.schoolCode) && !chosenIds.has(t.idNumber)),
    pay,
  };
}
