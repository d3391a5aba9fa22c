export { FrozenReport } from './frozen-report.entity';
export type { FrozenFigures } from './frozen-report.entity';
export { CreateFrozenReport1765100000000 } from './frozen-report.migration';
export { installFrozenReports, computeFigures, viewOf, FROZEN_REPORT_PARTS } from './figures';
export type { FreezePeers, FrozenReportPart, FrozenReportsRuntime, ReportFreezeData } from './figures';
export { FreezeErrorCode, MAX_UNFREEZE_REASON } from './operations';
export { ReportFreeze, FigureRevision } from './types';
export { frozenFiguresResolver, districtFreezeResolver } from './resolvers';
export { gatewayFreezePeers } from './gateway-peers';
