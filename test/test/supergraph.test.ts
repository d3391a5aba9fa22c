import fs from 'node:fs';
import path from 'node:path';
import { readFigures } from '@tw/gateway';
import { FIGURE_DIRECTIVE, FIGURE_ROW_DIRECTIVE, SERVICES } from '@tw/kernel';
import { Kind, parse, print } from 'graphql';
import { composeFromSources } from '../src/platform';

const ROOT = path.resolve(__dirname, '../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

/** Every figure directive an SDL applies, as `Type.field @figure(…)`. */
function figureDirectives(sdl: string): string[] {
  const out: string[] = [];
  for (const def of parse(sdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of def.fields ?? []) {
      for (const d of field.directives ?? []) if ([FIGURE_DIRECTIVE, FIGURE_ROW_DIRECTIVE].includes(d.name.value)) out.push(`${def.name.value}.${field.name.value} ${print(d)}`);
    }
  }
  return out.sort();
}

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

  it('keeps every figure a service declares (@figure, @figureRow) in the supergraph, as declared: what the workbook is made from', () => {
    const declared = SERVICES.flatMap((s) => figureDirectives(read(`${s.folder}/schema.graphql`)));
    const supergraph = read('schema/supergraph.graphql');
    expect(declared.length).toBeGreaterThan(40);
    expect(figureDirectives(supergraph)).toEqual(declared.sort());
    // and the gateway reads a report from them: every DistrictReport figure a service declares is a figure of the 报表 sheet
    const district = new Set(declared.filter((d) => d.startsWith(`DistrictReport.`)).map((d) => d.slice('DistrictReport.'.length, d.indexOf(' '))));
    expect(readFigures(supergraph).district.map((f) => f.field).sort()).toEqual([...district].sort());
  });

  it('exposes no federation internals in the API schema', () => {
    const api = read('schema/api.graphql');
    expect(api).not.toMatch(/join__|link__|_entities|_service/);
  });
});
