import {
  businessDayClock,
  chinaDayStart,
  Clock,
  ConfigError,
  configuredClock,
  createLogger,
  currentMonthInChina,
  currentYearInChina,
  fixedClock,
  isFinishedYear,
  readServiceConfig,
  systemClock,
  todayInChina,
} from '@tw/kernel';
import { TEST_DATE, TEST_YEAR, testClock } from '@tw/kernel/testing';

const at = (iso: string): Clock => fixedClock(iso);

describe('clocks', () => {
  it('pins a day at noon in China, whatever the machine’s time zone', () => {
    expect(fixedClock('2026-12-03').now().toISOString()).toBe('2026-12-03T04:00:00.000Z');
    expect(todayInChina(fixedClock('2026-01-01'))).toBe('2026-01-01');
  });

  it('pins an instant given in full', () => {
    expect(fixedClock('2025-12-31T16:30:00Z').now().toISOString()).toBe('2025-12-31T16:30:00.000Z');
  });

  it('refuses what is neither a day nor an instant, naming it', () => {
    expect(() => fixedClock('2026-02-30x')).toThrow('"2026-02-30x" is neither a day');
    expect(() => businessDayClock('2026-02-30')).toThrow('"2026-02-30" is not a day');
  });

  it('keeps the business day while the time of day runs', () => {
    let real = new Date('2031-05-06T23:59:00Z'); // already 7 May in China, 07:59
    const c = businessDayClock('2026-12-03', { now: () => real });
    expect(c.now().toISOString()).toBe('2026-12-02T23:59:00.000Z'); // 3 December, 07:59 in China
    expect(todayInChina(c)).toBe('2026-12-03');
    real = new Date('2031-05-07T15:59:59Z'); // 23:59:59 in China
    expect(todayInChina(c)).toBe('2026-12-03');
    real = new Date('2031-05-07T16:00:00Z'); // midnight in China: the business day stays
    expect(todayInChina(c)).toBe('2026-12-03');
  });

  it('gives tests one day: TEST_DATE, its year, and a clock on it', () => {
    expect(TEST_DATE).toBe('2026-12-03');
    expect(TEST_YEAR).toBe(2026);
    expect(todayInChina(testClock)).toBe(TEST_DATE);
    expect(testClock.now().getTime()).toBe(testClock.now().getTime());
  });

  it('reads the system clock only through systemClock', () => {
    const before = Date.now();
    const t = systemClock.now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
  });
});

describe("the users' calendar (UTC+8)", () => {
  it('turns the year at 16:00 UTC on 31 December', () => {
    expect(currentYearInChina(at('2025-12-31T15:59:59Z'))).toBe(2025);
    expect(currentYearInChina(at('2025-12-31T16:00:00Z'))).toBe(2026);
    expect(isFinishedYear(2025, at('2025-12-31T15:59:59Z'))).toBe(false);
    expect(isFinishedYear(2025, at('2025-12-31T16:00:00Z'))).toBe(true);
  });

  it('answers from a clock or from an instant read from one', () => {
    const instant = new Date('2026-03-31T16:00:00Z');
    expect(todayInChina(instant)).toBe('2026-04-01');
    expect(currentMonthInChina(instant)).toBe('2026-04');
    expect(todayInChina(fixedClock(instant.toISOString()))).toBe('2026-04-01');
  });

  it('starts a day of the users’ calendar at 16:00 UTC the day before', () => {
    expect(chinaDayStart('2024-05-06').toISOString()).toBe('2024-05-05T16:00:00.000Z');
  });
});

describe('BUSINESS_DATE', () => {
  // secrets given, so reading the configuration writes no development secrets file
  const SECRETS = { JWT_SECRET: 'a-test-secret-a-test-secret-a-test-secret', GATEWAY_SECRET: 'a-gateway-secret-a-gateway-secret-abc' };
  const config = (env: Record<string, string>) => readServiceConfig('personnel', { ...SECRETS, ...env });
  const lines: string[] = [];
  const logger = createLogger('test', 'info', (l) => lines.push(l));
  beforeEach(() => lines.splice(0));

  it('is read through the env reader and pins the day of the service clock', () => {
    const cfg = config({ BUSINESS_DATE: '2024-02-29' });
    expect(cfg.businessDate).toBe('2024-02-29');
    expect(todayInChina(configuredClock(cfg, logger))).toBe('2024-02-29');
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(['info']);
  });

  it('is honoured in production with a warning', () => {
    const cfg = { ...config({ BUSINESS_DATE: '2024-02-29' }), production: true };
    expect(todayInChina(configuredClock(cfg, logger))).toBe('2024-02-29');
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'warn', msg: expect.stringContaining('BUSINESS_DATE=2024-02-29') });
  });

  it('leaves the system clock when unset', () => {
    expect(configuredClock(config({}), logger)).toBe(systemClock);
    expect(lines).toEqual([]);
  });

  it('refuses a day that does not exist, naming the variable', () => {
    expect(() => config({ BUSINESS_DATE: '2023-02-29' })).toThrow(ConfigError);
    expect(() => config({ BUSINESS_DATE: '2023-02-29' })).toThrow('BUSINESS_DATE="2023-02-29" is invalid: it must be a day written YYYY-MM-DD');
  });

  it('reads LOG_SQL through the same reader', () => {
    expect(config({}).logSql).toBe(false);
    expect(config({ LOG_SQL: '1' }).logSql).toBe(true);
    expect(() => config({ LOG_SQL: 'maybe' })).toThrow('LOG_SQL="maybe" is invalid');
  });
});
