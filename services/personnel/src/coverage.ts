import { CoverageSource, SERVING_STATUSES } from '@tw/kernel';

/**
 * What personnel counts per school and year for the data-quality view: the serving roster (with the
 * teachers lacking fields the national 基本信息 template requires but the platform does not), and
 * the year's staffing quota.
 */
export const PERSONNEL_COVERAGE: readonly CoverageSource[] = [
  {
    kind: 'teachers',
    table: 'teacher',
    where: `status IN (${SERVING_STATUSES.map((s) => `'${s}'`).join(', ')})`,
    issues: [
      {
        code: 'NATIONAL_FIELDS_MISSING',
        description: '缺少全国教师管理信息系统“基本信息”的必填项：岗位类别、专业技术职务、最高学历，不在编的用人形式，教师岗位的任教学段和任教学科',
        when: "(in_quota = 0 AND employment_form IS NULL) OR post_category IS NULL OR professional_title IS NULL OR education IS NULL OR (post_category = 'TEACHING' AND (teaching_stage IS NULL OR teaching_subject IS NULL))",
      },
    ],
  },
  { kind: 'quotas', table: 'staffing_quota', year: { column: 'year', form: 'year' } },
];
