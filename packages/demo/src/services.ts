import type { ServiceDemo } from './context';
import { compensationDemo } from './compensation';
import { professionalDevelopmentDemo } from './professional-development';
import { governanceDemo } from './governance';

/**
 * The other services' demo loaders, run in this order after personnel's district is loaded
 * (professional development before governance, whose vetoes would refuse later designations).
 */
export const SERVICE_DEMOS: readonly ServiceDemo[] = [professionalDevelopmentDemo, compensationDemo, governanceDemo];
