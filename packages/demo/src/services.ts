import type { ServiceDemo } from './context';
import { compensationDemo } from './compensation';
import { governanceDemo } from './governance';

/**
 * The other services' demo loaders, run in this order after personnel's district is loaded
 * (professional development before governance, whose vetoes would refuse later designations).
 */
export const SERVICE_DEMOS: readonly ServiceDemo[] = [compensationDemo, governanceDemo];
