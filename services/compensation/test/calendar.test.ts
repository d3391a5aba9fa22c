import { currentYearUtc8, isFinishedYear } from '../src/calendar';

describe("the users' calendar (UTC+8)", () => {
  it('turns the year at 16:00 UTC on 31 December', () => {
    expect(currentYearUtc8(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
    expect(currentYearUtc8(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
    expect(isFinishedYear(2025, new Date('2025-12-31T15:59:59Z'))).toBe(false);
    expect(isFinishedYear(2025, new Date('2025-12-31T16:00:00Z'))).toBe(true);
  });
});
