import { TeacherDirectoryEntry } from '@tw/kernel';
import { teacherEntry } from './harness';

/** Fen from a two-decimal amount, computed apart from the code under test. */
export const fen = (yuan: string): bigint => BigInt(yuan.replace('.', ''));
export const yuan = (f: bigint): string => `${f < 0n ? '-' : ''}${(f < 0n ? -f : f) / 100n}.${String((f < 0n ? -f : f) % 100n).padStart(2, '0')}`;
/** half-up division, computed apart from the code under test */
export const avg = (total: bigint, n: number): bigint => (total * 2n + BigInt(n)) / (2n * BigInt(n));

export const BIG = 'school-1-big';
export const MID = 'school-2-mid';
export const SMALL = 'school-3-small';
export const PRIVATE = 'school-4-private';

/** A district of three public schools (20, 8 and 3 serving teachers) and a private one (6). */
export function smallDistrict() {
  const teachers: TeacherDirectoryEntry[] = [];
  const pay: Array<{ teacherId: string; school: string; annualIncome: string; performanceMonthly: string; serving: boolean; public: boolean }> = [];
  const add = (school: string, n: number, base: number, sponsor = 'PUBLIC') => {
    for (let i = 1; i <= n; i++) {
      const id = `${school}-t${String(i).padStart(2, '0')}`;
      teachers.push(teacherEntry(id, school, { sponsor }));
      pay.push({ teacherId: id, school, annualIncome: `${base + i * 1013}.${String((i * 37) % 100).padStart(2, '0')}`, performanceMonthly: `${2000 + i * 11}.5${i % 10}`, serving: true, public: sponsor === 'PUBLIC' });
    }
  };
  add(BIG, 20, 110000);
  add(MID, 8, 90000);
  add(SMALL, 3, 70000);
  add(PRIVATE, 6, 60000, 'PRIVATE');
  // a retired teacher of the big school: paid, but not in the parity population
  teachers.push(teacherEntry(`${BIG}-retired`, BIG, { status: 'RETIRED' }));
  pay.push({ teacherId: `${BIG}-retired`, school: BIG, annualIncome: '150000.00', performanceMonthly: '3000.00', serving: false, public: true });
  const schools = [
    { id: BIG, name: '第一小学', sponsor: 'PUBLIC' },
    { id: MID, name: '第二小学', sponsor: 'PUBLIC' },
    { id: SMALL, name: '第三小学', sponsor: 'PUBLIC' },
    { id: PRIVATE, name: '英才学校', sponsor: 'PRIVATE' },
  ];
  return { teachers, pay, schools };
}
