import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { printSchema, parse } from 'graphql';

/** Where the composed supergraph is committed. */
export const SUPERGRAPH_FILE = path.resolve(__dirname, '../../schema/supergraph.graphql');
export const API_SCHEMA_FILE = path.resolve(__dirname, '../../schema/api.graphql');

export interface SubgraphSdl {
  readonly name: string;
  readonly url: string;
  readonly sdl: string;
}

/**
 * Composes subgraph SDLs into a supergraph (pure JS, no rover) and the API schema clients see.
 * Throws with every composition error listed.
 */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): { supergraphSdl: string; apiSchemaSdl: string } {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  const supergraphSdl = `${result.supergraphSdl.trim()}\n`;
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return { supergraphSdl, apiSchemaSdl: `${printSchema(api).trim()}\n` };
}

export function readSupergraph(file = SUPERGRAPH_FILE): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} is missing: run "npm run compose" to compose the supergraph`);
  }
}
