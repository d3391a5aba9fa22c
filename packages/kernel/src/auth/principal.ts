/** The roles of the platform. SERVICE is a subgraph calling another through the gateway. */
export const Role = {
  DISTRICT_ADMIN: 'DISTRICT_ADMIN',
  SCHOOL_ADMIN: 'SCHOOL_ADMIN',
  TEACHER: 'TEACHER',
  ANALYST: 'ANALYST',
  SERVICE: 'SERVICE',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const USER_ROLES: readonly Role[] = ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'TEACHER', 'ANALYST'];

/** Who is making a request, as read from a verified token. */
export interface Principal {
  readonly subject: string;
  readonly role: Role;
  /** set for SCHOOL_ADMIN: the one school they act for */
  readonly schoolId?: string;
  /** set for TEACHER: their own teacher id */
  readonly teacherId?: string;
  /** set when a service acts for this user (service:importer running an import job) */
  readonly actingService?: string;
}

/** Whether the principal may see personal data of a teacher at `schoolId` with id `teacherId`. */
export function canReadPerson(p: Principal, schoolId: string | null | undefined, teacherId: string): boolean {
  switch (p.role) {
    case 'DISTRICT_ADMIN':
    case 'SERVICE':
      return true;
    case 'SCHOOL_ADMIN':
      return !!schoolId && p.schoolId === schoolId;
    case 'TEACHER':
      return p.teacherId === teacherId;
    default:
      return false;
  }
}

/** Whether the principal may write data that belongs to `schoolId`. */
export function canWriteSchool(p: Principal, schoolId: string | null | undefined): boolean {
  if (p.role === 'DISTRICT_ADMIN' || p.role === 'SERVICE') return true;
  return p.role === 'SCHOOL_ADMIN' && !!schoolId && p.schoolId === schoolId;
}

/** Whether the principal sees whole ID numbers of teachers at `schoolId` (everyone else sees them masked). */
export function seesFullIdNumbers(p: Principal, schoolId: string | null | undefined): boolean {
  if (p.role === 'DISTRICT_ADMIN' || p.role === 'SERVICE') return true;
  return p.role === 'SCHOOL_ADMIN' && !!schoolId && p.schoolId === schoolId;
}
