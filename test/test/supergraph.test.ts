import fs from 'node:fs';
import path from 'node:path';
import { SERVICES } from '@tw/kernel';
import { composeFromSources } from '../src/platform';

const ROOT = path.resolve(__dirname, '../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

describe('the committed supergraph', () => {
  it('is what composing every service from its sources gives (run "npm run compose" when this fails)', async () => {
    const { subgraphs, supergraphSdl, apiSchemaSdl } = await composeFromSources();
    for (const s of subgraphs) {
      const folder = SERVICES.find((x) => x.name === s.name)!.folder;
      expect({ file: `${folder}/schema.graphql`, sdl: read(`${folder}/schema.graphql`) }).toEqual({ file: `${folder}/schema.graphql`, sdl: s.sdl });
    }
    expect(read('schema/supergraph.graphql')).toEqual(supergraphSdl);
    expect(read('schema/api.graphql')).toEqual(apiSchemaSdl);
  });

  it('exposes no federation internals in the API schema', () => {
    const api = read('schema/api.graphql');
    expect(api).not.toMatch(/join__|link__|_entities|_service/);
  });
});
