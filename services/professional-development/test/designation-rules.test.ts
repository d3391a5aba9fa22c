import { compareDesignations, highestDesignation, RankedDesignation } from '../src/rules/designation-rank';
import { isValidInYear } from '../src/rules/designation-validity';
import { hostQualification } from '../src/rules/studio-host';

let seq = 0;
const d = (over: Partial<RankedDesignation>): RankedDesignation => ({ id: `d${++seq}`, kind: 'BACKBONE_TEACHER', level: 'DISTRICT', year: 2020, validUntil: null, ...over });

describe('isValidInYear', () => {
  it('counts a designation from its year, for as long as it has not expired before the year began', () => {
    const open = d({ year: 2021 });
    expect([2020, 2021, 2035].map((y) => isValidInYear(open, y))).toEqual([false, true, true]);
    const term = d({ year: 2021, validUntil: '2023-12-31' });
    expect([2020, 2021, 2023, 2024].map((y) => isValidInYear(term, y))).toEqual([false, true, true, false]);
  });

  it('counts the year it expires in, even when it expires on its first day', () => {
    expect(isValidInYear(d({ year: 2021, validUntil: '2024-01-01' }), 2024)).toBe(true);
    expect(isValidInYear(d({ year: 2021, validUntil: '2023-12-31' }), 2024)).toBe(false);
    expect(isValidInYear(d({ year: 2024, validUntil: '2024-06-30' }), 2024)).toBe(true);
  });
});

describe('the tier ladder', () => {
  it('ranks by level first: a national 骨干教师 outranks a provincial 特级教师', () => {
    const national = d({ kind: 'BACKBONE_TEACHER', level: 'NATIONAL' });
    const provincial = d({ kind: 'SPECIAL_GRADE_TEACHER', level: 'PROVINCIAL' });
    expect(highestDesignation([provincial, national], 2024)).toBe(national);
  });

  it('ranks kinds within a level: 中原名师 > 特级教师 > 名师 > 名班主任 > 学科带头人 > 骨干教师 > 其他', () => {
    const kinds = ['OTHER', 'BACKBONE_TEACHER', 'SUBJECT_LEADER', 'FAMOUS_HOMEROOM_TEACHER', 'FAMOUS_TEACHER', 'SPECIAL_GRADE_TEACHER', 'ZHONGYUAN_FAMOUS_TEACHER'] as const;
    const list = kinds.map((kind) => d({ kind, level: 'PROVINCIAL' }));
    expect([...list].sort(compareDesignations).map((x) => x.kind)).toEqual([...kinds].reverse());
  });

  it('prefers the later conferral of the same standing, and skips designations not valid in the year', () => {
    const older = d({ year: 2018, kind: 'FAMOUS_TEACHER', level: 'MUNICIPAL' });
    const newer = d({ year: 2022, kind: 'FAMOUS_TEACHER', level: 'MUNICIPAL' });
    expect(highestDesignation([older, newer], 2024)).toBe(newer);
    expect(highestDesignation([older, newer], 2020)).toBe(older);
    const expired = d({ year: 2015, kind: 'SPECIAL_GRADE_TEACHER', level: 'NATIONAL', validUntil: '2019-12-31' });
    expect(highestDesignation([expired, older], 2024)).toBe(older);
    expect(highestDesignation([expired], 2024)).toBeNull();
    expect(highestDesignation([], 2024)).toBeNull();
  });
});

describe('the studio host rule', () => {
  it('qualifies a 名师工作室 host by any designation of teaching excellence valid in the founding year', () => {
    for (const kind of ['FAMOUS_TEACHER', 'SPECIAL_GRADE_TEACHER', 'SUBJECT_LEADER', 'BACKBONE_TEACHER', 'ZHONGYUAN_TALENT', 'ZHONGYUAN_FAMOUS_TEACHER', 'ZHONGYUAN_TEACHING_EXPERT'] as const) {
      expect(hostQualification('FAMOUS_TEACHER', [d({ kind, year: 2020 })], 2022)?.kind).toBe(kind);
    }
    expect(hostQualification('FAMOUS_TEACHER', [d({ kind: 'FAMOUS_HOMEROOM_TEACHER' })], 2022)).toBeNull();
    expect(hostQualification('FAMOUS_TEACHER', [d({ kind: 'OTHER' })], 2022)).toBeNull();
  });

  it('qualifies a 名班主任工作室 host by 名班主任 only', () => {
    expect(hostQualification('FAMOUS_HOMEROOM_TEACHER', [d({ kind: 'FAMOUS_HOMEROOM_TEACHER' })], 2022)?.kind).toBe('FAMOUS_HOMEROOM_TEACHER');
    expect(hostQualification('FAMOUS_HOMEROOM_TEACHER', [d({ kind: 'SPECIAL_GRADE_TEACHER', level: 'NATIONAL' })], 2022)).toBeNull();
  });

  it('needs the designation valid in the founding year: not conferred later, not expired before', () => {
    expect(hostQualification('FAMOUS_TEACHER', [d({ kind: 'FAMOUS_TEACHER', year: 2023 })], 2022)).toBeNull();
    expect(hostQualification('FAMOUS_TEACHER', [d({ kind: 'FAMOUS_TEACHER', year: 2016, validUntil: '2021-12-31' })], 2022)).toBeNull();
    expect(hostQualification('FAMOUS_TEACHER', [d({ kind: 'FAMOUS_TEACHER', year: 2016, validUntil: '2022-08-31' })], 2022)).not.toBeNull();
  });
});
