import { createLogger, LookupWatch, watchBulk } from '@tw/kernel';

describe('the ID-number enumeration signal', () => {
  const setup = () => {
    const lines: Array<Record<string, unknown>> = [];
    let now = 0;
    const logger = createLogger('personnel', 'info', (l) => lines.push(JSON.parse(l)));
    const watch = new LookupWatch(logger, { threshold: 30, windowMs: 60_000 }, () => now);
    return { lines, watch, tick: (ms: number) => (now += ms) };
  };
  const clerk = { subject: 'clerk-7', role: 'SCHOOL_ADMIN' as const, schoolId: 's1' };

  it('logs one security event when a subject passes the threshold within the window, naming the subject, never the numbers', () => {
    const { lines, watch } = setup();
    for (let i = 0; i < 29; i++) watch.miss(clerk, 1, 'teacherByIdNumber');
    expect(lines).toEqual([]);
    watch.miss(clerk, 1, 'teacherByIdNumber');
    watch.miss(clerk, 5, 'teacherByIdNumber');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', event: 'ID_NUMBER_ENUMERATION', subject: 'clerk-7', role: 'SCHOOL_ADMIN', school: 's1', misses: 30, windowSeconds: 60, route: 'teacherByIdNumber' });
  });

  it('counts each subject apart, and starts again after the window', () => {
    const { lines, watch, tick } = setup();
    watch.miss(clerk, 20, 'upsertHires');
    watch.miss({ subject: 'other', role: 'TEACHER', teacherId: 't' }, 20, 'teacherByIdNumber');
    tick(60_000);
    watch.miss(clerk, 20, 'upsertHires');
    expect(lines).toEqual([]);
    watch.miss(clerk, 10, 'upsertHires');
    expect(lines).toHaveLength(1);
  });

  it('counts the refused rows of a bulk answer that name a teacher the caller may not use', async () => {
    const { lines, watch } = setup();
    const rows = [...Array(29).fill({ code: 'TEACHER_NOT_FOUND' }), { code: 'ID_NUMBER_UNAVAILABLE' }, { code: 'NAME_MISMATCH' }, { code: null }];
    const answer = { rows };
    expect(await watchBulk({ principal: clerk, lookups: watch }, answer, 'upsertHires')).toBe(answer);
    expect(lines).toEqual([expect.objectContaining({ event: 'ID_NUMBER_ENUMERATION', misses: 30, route: 'upsertHires' })]);
  });
});
