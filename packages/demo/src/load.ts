import { DemoContext, DemoSchoolRecord, DemoTeacherRecord, ServiceDemo } from './context';
import { generateDistrict } from './district';
import { Random } from './random';
import { SERVICE_DEMOS } from './services';

export type Post = <D = any>(query: string, variables?: Record<string, unknown>) => Promise<D>;

/** A GraphQL caller for the gateway with a bearer token; errors become exceptions. */
export function gatewayPoster(url: string, token: string): Post {
  return async (query, variables) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data;
  };
}

const BULK_FIELDS = 'created updated unchanged rejected written rows { index status code message }';

async function bulk(post: Post, mutation: string, inputType: string, rows: readonly unknown[], label: string, log: (s: string) => void): Promise<number> {
  let created = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const data = await post(`mutation($rows: [${inputType}!]!) { r: ${mutation}(rows: $rows) { ${BULK_FIELDS} } }`, { rows: rows.slice(i, i + 1000) });
    const r = data.r as { created: number; rejected: number; rows: Array<{ index: number; status: string; code: string; message: string }> };
    if (r.rejected) {
      const first = r.rows.find((x) => x.status === 'REJECTED')!;
      throw new Error(`demo ${label}: row ${i + first.index} rejected: ${first.code} ${first.message}`);
    }
    created += r.created;
  }
  log(`  ${label}: ${created} created`);
  return created;
}

const TEACHER_FIELDS = 'id name idNumber gender birthDate politicalStatus professionalTitle postCategory teachingSubject status inQuota workStartMonth school { id }';

/** Every school and teacher personnel holds, a page of 1,000 at a time. */
async function readDistrict(post: Post): Promise<{ schools: DemoSchoolRecord[]; teachers: DemoTeacherRecord[] }> {
  const schools: DemoSchoolRecord[] = [];
  const teachers: DemoTeacherRecord[] = [];
  for (let after: string | null = null; ; ) {
    const d: any = await post('query($after: String) { schools(first: 1000, after: $after) { nodes { id code name type sponsor } pageInfo { hasNextPage endCursor } } }', { after });
    schools.push(...d.schools.nodes);
    if (!d.schools.pageInfo.hasNextPage) break;
    after = d.schools.pageInfo.endCursor;
  }
  for (let after: string | null = null; ; ) {
    const d: any = await post(`query($after: String) { teachers(first: 1000, after: $after) { nodes { ${TEACHER_FIELDS} } pageInfo { hasNextPage endCursor } } }`, { after });
    teachers.push(...d.teachers.nodes.map(({ school, ...t }: any) => ({ ...t, schoolId: school.id })));
    if (!d.teachers.pageInfo.hasNextPage) break;
    after = d.teachers.pageInfo.endCursor;
  }
  return { schools, teachers };
}

/**
 * Loads the demo district through the gateway's bulk mutations, the path the importers take.
 * @example await loadDemoDistrict(gatewayPoster('http://localhost:4000/graphql', token), console.log)
 */
export async function loadDemoDistrict(post: Post, log: (s: string) => void = () => {}): Promise<{ schools: number; teachers: number }> {
  const d = generateDistrict();
  await bulk(post, 'upsertSchools', 'SchoolInput', d.schools, 'schools', log);
  await bulk(post, 'upsertTeachers', 'TeacherInput', d.teachers, 'teachers', log);
  await bulk(post, 'upsertQuotas', 'QuotaInput', d.quotas, 'staffing quotas', log);
  await bulk(post, 'upsertHires', 'HireInput', d.hires, 'hires', log);
  await bulk(post, 'upsertRotations', 'RotationInput', d.rotations, 'rotations', log);
  const district = await readDistrict(post);
  const ctx: DemoContext = {
    post,
    log,
    year: new Date().getUTCFullYear(),
    ...district,
    random: new Random(20261126),
    bulk: (mutation, inputType, rows, label) => bulk(post, mutation, inputType, rows, label, log),
  };
  for (const demo of SERVICE_DEMOS as readonly ServiceDemo[]) await demo(ctx);
  return { schools: d.schools.length, teachers: d.teachers.length };
}

/** Whether the district has no schools yet (then `npm start` loads the demo). */
export async function districtIsEmpty(post: Post): Promise<boolean> {
  const data = await post<{ schools: { totalCount: number } }>('{ schools(first: 1) { totalCount } }');
  return data.schools.totalCount === 0;
}
