import { ConnectionType, PageArgs, paginate, recordScope, SERVING_STATUSES, startingWith } from '@tw/kernel';
import { Teacher } from '../entities/teacher.entity';
import { TeacherFilter } from '../inputs/teacher.input';
import { PersonnelContext } from '../context';

export const TeacherConnection = ConnectionType(Teacher, 'Teacher');

/** The teachers list behind Query.teachers and School.teachers, narrowed to what the token may read. */
export function teacherQuery(ctx: PersonnelContext, filter: TeacherFilter | null, page: PageArgs) {
  const scope = recordScope(ctx, filter?.schoolId);
  const qb = ctx.ds.getRepository(Teacher).createQueryBuilder('t');
  if ('schoolId' in scope) qb.andWhere('t.school_id = :scopeSchool', { scopeSchool: scope.schoolId });
  if ('teacherId' in scope) qb.andWhere('t.id = :scopeTeacher', { scopeTeacher: scope.teacherId });
  if (filter?.schoolId) qb.andWhere('t.school_id = :schoolId', { schoolId: filter.schoolId });
  if (filter?.status?.length) qb.andWhere('t.status IN (:...status)', { status: filter.status });
  if (filter?.serving) qb.andWhere('t.status IN (:...serving)', { serving: [...SERVING_STATUSES] });
  if (filter?.inQuota !== undefined && filter?.inQuota !== null) qb.andWhere('t.in_quota = :inQuota', { inQuota: filter.inQuota });
  if (filter?.professionalTitle?.length) qb.andWhere('t.professional_title IN (:...titles)', { titles: filter.professionalTitle });
  if (filter?.politicalStatus?.length) qb.andWhere('t.political_status IN (:...ps)', { ps: filter.politicalStatus });
  if (filter?.teachingSubject) qb.andWhere('t.teaching_subject = :subject', { subject: filter.teachingSubject });
  if (filter?.namePrefix) qb.andWhere(...startingWith('t.name', 'prefix', filter.namePrefix, 'namePrefix'));
  return paginate(qb, page);
}
