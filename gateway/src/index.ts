export { startGateway } from './server';
export type { GatewayHandle, GatewayOptions } from './server';
export { composeSupergraph, readSupergraph, SUPERGRAPH_FILE, API_SCHEMA_FILE } from './supergraph';
export type { SubgraphSdl } from './supergraph';
export * from './reports';
