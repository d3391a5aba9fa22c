import { neutraliseCell } from '@tw/kernel';
import { CellValue } from '../spec/cell';

/** A cell as the importer's workbooks write it: nothing as null, text made safe to open by the kernel's one rule (`neutraliseCell`). */
export function neutralise(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return neutraliseCell(String(v));
}
