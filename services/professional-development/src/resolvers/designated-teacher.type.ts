import { Field, Int, ObjectType } from 'type-graphql';
import { TeacherRef, teacherRef } from '../entities/teacher-ref';
import type { DesignationKind, DesignationLevel } from '../rules/designation-rank';

/** A teacher holding, in `year`, a valid designation of the asked level and kind. */
@ObjectType({ description: 'A teacher holding a valid designation in the year asked (of the level and kind asked, when given)' })
export class DesignatedTeacher {
  /** the teacher id: what the page is ordered and its cursor made by */
  id!: string;

  @Field(() => TeacherRef)
  teacher!: TeacherRef;

  @Field(() => Int, { description: 'The year the designations are valid in' })
  year!: number;

  level!: DesignationLevel | null;
  kind!: DesignationKind | null;

  static of(teacherId: string, year: number, level: DesignationLevel | null, kind: DesignationKind | null): DesignatedTeacher {
    return Object.assign(new DesignatedTeacher(), { id: teacherId, teacher: teacherRef(teacherId), year, level, kind });
  }
}
