import { canReadPerson, canWriteSchool, Principal, seesFullIdNumbers, USER_ROLES } from '@tw/kernel';

const district: Principal = { subject: 'd', role: 'DISTRICT_ADMIN' };
const service: Principal = { subject: 'service:x', role: 'SERVICE' };
const schoolAdmin: Principal = { subject: 's', role: 'SCHOOL_ADMIN', schoolId: 'school-1' };
const teacher: Principal = { subject: 't', role: 'TEACHER', teacherId: 'teacher-1' };
const analyst: Principal = { subject: 'a', role: 'ANALYST' };

describe('roles', () => {
  it('lists the user roles, without SERVICE', () => {
    expect([...USER_ROLES].sort()).toEqual(['ANALYST', 'DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'TEACHER']);
  });
});

describe('canReadPerson', () => {
  it('lets the district and services read anyone', () => {
    expect(canReadPerson(district, 'school-2', 'teacher-9')).toBe(true);
    expect(canReadPerson(district, null, 'teacher-9')).toBe(true);
    expect(canReadPerson(service, undefined, 'teacher-9')).toBe(true);
  });

  it('lets a school admin read the people of their school only', () => {
    expect(canReadPerson(schoolAdmin, 'school-1', 'teacher-9')).toBe(true);
    expect(canReadPerson(schoolAdmin, 'school-2', 'teacher-9')).toBe(false);
    expect(canReadPerson(schoolAdmin, null, 'teacher-9')).toBe(false);
  });

  it('lets a teacher read themselves only', () => {
    expect(canReadPerson(teacher, 'school-1', 'teacher-1')).toBe(true);
    expect(canReadPerson(teacher, 'school-1', 'teacher-2')).toBe(false);
  });

  it('lets an analyst read no one’s personal data', () => {
    expect(canReadPerson(analyst, 'school-1', 'teacher-1')).toBe(false);
  });

  it('never matches a school admin without a school to a record without one', () => {
    const noSchool: Principal = { subject: 's', role: 'SCHOOL_ADMIN' };
    expect(canReadPerson(noSchool, undefined, 'teacher-1')).toBe(false);
    expect(canWriteSchool(noSchool, undefined)).toBe(false);
    expect(seesFullIdNumbers(noSchool, undefined)).toBe(false);
  });
});

describe('canWriteSchool and seesFullIdNumbers', () => {
  it.each([
    [district, 'school-1', true],
    [service, 'school-1', true],
    [schoolAdmin, 'school-1', true],
    [schoolAdmin, 'school-2', false],
    [schoolAdmin, null, false],
    [teacher, 'school-1', false],
    [analyst, 'school-1', false],
  ] as const)('%o at %p: %p', (p, school, allowed) => {
    expect(canWriteSchool(p, school)).toBe(allowed);
    expect(seesFullIdNumbers(p, school)).toBe(allowed);
  });
});
