import type { ReportLoaders } from './report-loaders';
import type { ReportPeers } from './report-peers';

/** What the report resolvers find on the personnel context: this request's loaders and the other services. */
export interface PersonnelReports {
  readonly loaders: ReportLoaders;
  readonly peers: ReportPeers;
}
