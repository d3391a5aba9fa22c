export { startGateway } from './server';
export type { GatewayHandle, GatewayOptions } from './server';
export { composeSupergraph, readSupergraph, SUPERGRAPH_FILE, API_SCHEMA_FILE } from './supergraph';
export type { SubgraphSdl } from './supergraph';
export * from './reports';
export { canonicalDocument, readTrustedDocuments, sha256, trustedDocuments, TRUSTED_DOCUMENTS_FILE } from './trusted-documents';
export type { ManifestOperation, TrustedDocumentManifest, TrustedDocumentsOptions } from './trusted-documents';
