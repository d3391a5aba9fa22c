import fs from 'node:fs';
import path from 'node:path';
import { KINDS, renderKindsDoc } from '@tw/importer';

describe('importer/KINDS.md', () => {
  it('is what the specs say (run "npm run kinds-doc -w @tw/importer" when this fails)', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../importer/KINDS.md'), 'utf8');
    expect(committed).toEqual(renderKindsDoc());
  });

  it('documents every column of every kind, with its synonyms and requirement', () => {
    const doc = renderKindsDoc();
    for (const k of KINDS) {
      expect(doc).toContain(`## ${k.kind}: ${k.title}`);
      for (const c of k.columns) expect(doc).toContain(`| ${c.header} | ${(c.synonyms ?? []).join('、') || '—'} |`);
    }
    expect(doc).toContain('| 用人形式 | 用工形式、非在编用人形式 | 是否在编为“否”时必填 |');
  });
});
