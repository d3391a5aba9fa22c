import { fixedClock } from '../clock';

/**
 * The day every test runs on: services under test get `testClock` (in process) or BUSINESS_DATE
 * (as processes, set by launchIsolatedPlatform), the demo district is generated for it, and "this
 * year" in a test is TEST_YEAR. A test that passes today passes on any day.
 */
export const TEST_DATE = '2026-12-03';
/** the year of TEST_DATE */
export const TEST_YEAR = Number(TEST_DATE.slice(0, 4));
/** noon of TEST_DATE in China, always */
export const testClock = fixedClock(TEST_DATE);
