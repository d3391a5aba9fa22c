import { compositeKey, listLoader, rowLoader, SERVING_STATUSES, valueLoader } from '@tw/kernel';
import { DataSource, In } from 'typeorm';
import { Hire } from './entities/hire.entity';
import { Rotation } from './entities/rotation.entity';
import { School } from './entities/school.entity';
import { StaffingQuota } from './entities/staffing-quota.entity';
import { Teacher } from './entities/teacher.entity';

export type SchoolYear = { schoolId: string; year: number };
const schoolYearKey = (k: SchoolYear) => compositeKey(k.schoolId, k.year);

/** The per-request loaders of the personnel service: every lookup of another row goes through one. */
export function createLoaders(ds: DataSource) {
  return {
    school: rowLoader<string, School>((ids) => ds.getRepository(School).findBy({ id: In([...ids]) }), (s) => s.id),
    teacher: rowLoader<string, Teacher>((ids) => ds.getRepository(Teacher).findBy({ id: In([...ids]) }), (t) => t.id),
    hiresByTeacher: listLoader<string, Hire>(
      (ids) => ds.getRepository(Hire).find({ where: { teacherId: In([...ids]) }, order: { year: 'ASC' } }),
      (h) => h.teacherId,
    ),
    rotationsByTeacher: listLoader<string, Rotation>(
      (ids) => ds.getRepository(Rotation).find({ where: { teacherId: In([...ids]) }, order: { startMonth: 'ASC' } }),
      (r) => r.teacherId,
    ),
    quota: rowLoader<SchoolYear, StaffingQuota>(
      async (keys) =>
        ds.getRepository(StaffingQuota).findBy({ schoolId: In(keys.map((k) => k.schoolId)), year: In([...new Set(keys.map((k) => k.year))]) }),
      (q) => ({ schoolId: q.schoolId, year: q.year }),
      schoolYearKey,
    ),
    /** serving teachers holding an established post, per school: the posts filled now */
    filledPosts: valueLoader<string, number>(async (schoolIds) => {
      const rows: Array<{ schoolId: string; n: string | number }> = await ds
        .getRepository(Teacher)
        .createQueryBuilder('t')
        .select('t.school_id', 'schoolId')
        .addSelect('COUNT(*)', 'n')
        .where('t.school_id IN (:...ids)', { ids: [...schoolIds] })
        .andWhere('t.in_quota = :q', { q: true })
        .andWhere('t.status IN (:...st)', { st: [...SERVING_STATUSES] })
        .groupBy('t.school_id')
        .getRawMany();
      return new Map(rows.map((r) => [r.schoolId, Number(r.n)]));
    }, 0),
    /** serving teachers per school */
    servingTeachers: valueLoader<string, number>(async (schoolIds) => {
      const rows: Array<{ schoolId: string; n: string | number }> = await ds
        .getRepository(Teacher)
        .createQueryBuilder('t')
        .select('t.school_id', 'schoolId')
        .addSelect('COUNT(*)', 'n')
        .where('t.school_id IN (:...ids)', { ids: [...schoolIds] })
        .andWhere('t.status IN (:...st)', { st: [...SERVING_STATUSES] })
        .groupBy('t.school_id')
        .getRawMany();
      return new Map(rows.map((r) => [r.schoolId, Number(r.n)]));
    }, 0),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
