import { NOT_AT_POST_DETAILS, parseStaffStatus, SERVING_STATUSES, STAFF_STATUS } from '@tw/kernel';

describe('parseStaffStatus', () => {
  it.each([
    ['100', { status: 'IN_SERVICE', code: '100' }],
    [100, { status: 'IN_SERVICE', code: '100' }],
    ['在本单位任职', { status: 'IN_SERVICE', code: '100' }],
    ['100-在本单位任职', { status: 'IN_SERVICE', code: '100' }],
    ['100 在本单位任职', { status: 'IN_SERVICE', code: '100' }],
    ['在职', { status: 'IN_SERVICE', code: '100' }],
    ['１００', { status: 'IN_SERVICE', code: '100' }],
  ])('reads %p as in service', (raw, expected) => {
    expect(parseStaffStatus(raw)).toEqual(expected);
  });

  it.each([
    ['201-借出', { status: 'NOT_AT_POST', code: '201', detail: '借出' }],
    ['201借出', { status: 'NOT_AT_POST', code: '201', detail: '借出' }],
    ['202：长病假', { status: 'NOT_AT_POST', code: '202', detail: '长病假' }],
    ['２０３－进修', { status: 'NOT_AT_POST', code: '203', detail: '进修' }],
    ['201-暂未在本单位任职（借出）', { status: 'NOT_AT_POST', code: '201', detail: '借出' }],
    ['201-暂未在本单位任职-借出', { status: 'NOT_AT_POST', code: '201', detail: '借出' }],
    ['暂未在本单位任职-借出', { status: 'NOT_AT_POST', detail: '借出' }],
    ['暂未在本单位任职（交流轮岗）', { status: 'NOT_AT_POST', detail: '交流轮岗' }],
    ['暂未在本单位任职-另一种情形', { status: 'NOT_AT_POST', detail: '另一种情形' }],
    ['借出', { status: 'NOT_AT_POST', detail: '借出' }],
    ['待退休', { status: 'NOT_AT_POST', detail: '待退休' }],
    ['暂未在本单位任职', { status: 'NOT_AT_POST' }],
  ])('reads %p as not at post for now', (raw, expected) => {
    expect(parseStaffStatus(raw)).toEqual(expected);
  });

  it('reads a bare 2xx code as not at post, keeping the code', () => {
    const r = parseStaffStatus('203');
    expect(r).toEqual({ status: 'NOT_AT_POST', code: '203' });
    expect(r?.detail).toBeUndefined();
    expect(parseStaffStatus(299)).toEqual({ status: 'NOT_AT_POST', code: '299' });
  });

  it('reads every sub-status the district files use', () => {
    for (const d of NOT_AT_POST_DETAILS) expect(parseStaffStatus(d)).toEqual({ status: 'NOT_AT_POST', detail: d });
  });

  it.each([
    ['退休', 'RETIRED'],
    ['已退休', 'RETIRED'],
    ['调出', 'TRANSFERRED_OUT'],
    ['离职', 'RESIGNED'],
    ['辞职', 'RESIGNED'],
    ['死亡', 'DECEASED'],
    ['去世', 'DECEASED'],
  ])('reads the leaving state %p', (raw, status) => {
    expect(parseStaffStatus(raw)).toEqual({ status });
  });

  it.each([['300'], ['199'], ['000'], ['300-借出'], ['100-退休'], ['100-借出'], ['xyz'], ['在本单位'], ['20'], [''], ['  '], [null], [undefined]])(
    'refuses %p',
    (raw) => {
      expect(parseStaffStatus(raw)).toBeUndefined();
    },
  );

  it('counts only in-service and not-at-post as serving', () => {
    expect([...SERVING_STATUSES].sort()).toEqual(['IN_SERVICE', 'NOT_AT_POST']);
    for (const leaving of ['调出', '退休', '离职', '死亡']) {
      const parsed = parseStaffStatus(leaving);
      expect(parsed).toBeDefined();
      expect(SERVING_STATUSES).not.toContain(parsed!.status);
    }
  });

  it('has a table entry for in service with code 100 and the leaving states', () => {
    expect(STAFF_STATUS.code('IN_SERVICE')).toBe('100');
    expect(STAFF_STATUS.label('IN_SERVICE')).toBe('在本单位任职');
    expect(STAFF_STATUS.label('NOT_AT_POST')).toBe('暂未在本单位任职');
    expect(['TRANSFERRED_OUT', 'RETIRED', 'RESIGNED', 'DECEASED'].map((v) => STAFF_STATUS.label(v as never))).toEqual(['调出', '退休', '离职', '死亡']);
  });
});

describe('parseStaffStatus edge cases', () => {
  it('refuses a code run into other digits and a 2xx code with a leaving state', () => {
    expect(parseStaffStatus('2011')).toBeUndefined();
    expect(parseStaffStatus('201-退休')).toBeUndefined();
    expect(parseStaffStatus('201借出')).toEqual({ status: 'NOT_AT_POST', code: '201', detail: '借出' });
  });
});
