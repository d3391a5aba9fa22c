import { createLogger, redact } from '@tw/kernel';

describe('logs', () => {
  const lines: string[] = [];
  const log = createLogger('test', 'debug', (l) => lines.push(l));
  beforeEach(() => lines.splice(0));

  it('are one JSON object a line with time, level, service and message', () => {
    log.info('started', { port: 4001 });
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'info', service: 'test', msg: 'started', port: 4001 });
    expect(lines[0].endsWith('\n')).toBe(true);
  });

  it('never carry a token, an ID number or a pay figure', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiRElTVFJJQ1RfQURNSU4ifQ.abc-def_123';
    log.error('request failed', {
      error: `Bearer ${token} refused for 41010219900101123X`,
      headers: { authorization: `Bearer ${token}` },
      row: { idNumber: '410102199001011234', annualIncome: '98765.43', name: '张三' },
      url: 'mysql://root:s3cret@db:3306/personnel',
    });
    const text = lines.join('');
    expect(text).not.toContain(token);
    expect(text).not.toContain('41010219900101123X');
    expect(text).not.toContain('410102199001011234');
    expect(text).not.toContain('98765.43');
    expect(text).not.toContain('s3cret');
    expect(JSON.parse(text).row.name).toBe('张三');
  });

  it('keeps what is not secret', () => {
    expect(redact({ requestId: 'abc', count: 3, list: ['x', { schoolId: 's1' }] })).toEqual({ requestId: 'abc', count: 3, list: ['x', { schoolId: 's1' }] });
  });
});
