import { normalizeText, Rejection } from '@tw/kernel';
import { NegativeListItem } from '../entities/negative-list-item.entity';
import { reject } from './rules';

const NUMBERED = /^第?(\d{1,3})项?[-—–_:：.．、,，]?(.*)$/;

/**
 * The negative-list item a cell names: by number (`5`, `第5项`), by exact name (`关心爱护学生`), or
 * both (`5-关心爱护学生`, which must agree).
 * @example const itemOf = negativeListResolver(items); itemOf('5-关心爱护学生')
 */
export function negativeListResolver(items: readonly NegativeListItem[]): (text: string) => NegativeListItem | Rejection {
  const byCode = new Map(items.map((i) => [i.code, i]));
  const byTitle = new Map(items.map((i) => [normalizeText(i.title), i]));
  return (text) => {
    const s = normalizeText(text ?? '');
    if (!s) return reject('REQUIRED', '处分原因（负面清单事项）不能为空', 'negativeListItem');
    const titled = byTitle.get(s);
    if (titled) return titled;
    const m = NUMBERED.exec(s);
    if (m) {
      const numbered = byCode.get(String(Number(m[1])));
      const title = m[2];
      if (numbered && (!title || normalizeText(numbered.title) === title)) return numbered;
      if (numbered) {
        return reject('NEGATIVE_LIST_ITEM_MISMATCH', `负面清单第 ${numbered.code} 项是“${numbered.title}”，与“${title}”不一致`, 'negativeListItem');
      }
    }
    return reject(
      'NEGATIVE_LIST_ITEM_NOT_FOUND',
      `负面清单中没有“${text}”：请填写事项编号或名称，如“5”“关心爱护学生”或“5-关心爱护学生”`,
      'negativeListItem',
    );
  };
}
