import { NEGATIVE_LIST_ITEM, normalizeText, ReasonClassification, reject, Rejection } from '@tw/kernel';
import { NegativeListItem } from '../entities/negative-list-item.entity';

const NUMBERED = /^第?(\d{1,3})项?[-—–_:：.．、,，]?(.*)$/;

/** What a 处分原因 cell named: the item (null while 未归类), how it was found, and what the row's result says of it. */
export interface ReasonReading {
  readonly item: NegativeListItem | null;
  readonly classification: ReasonClassification;
  /** said on the row when the item was read from words, or not found */
  readonly notice?: Rejection;
}

const named = (i: NegativeListItem) => `第 ${i.code} 项“${i.title}”`;

/**
 * Reads 处分原因 cells against the maintained list: an item by number (`5`, `第5项`), by exact name
 * (`关心爱护学生`) or both (`5-关心爱护学生`, which must agree); otherwise words (违规有偿补课) are
 * read by the kernel's keyword table as the item they name, and said so on the row. Words that name
 * no item, or several, or an item retired by `occurredOn`, are kept unclassified (未归类): the
 * sanction still counts for the veto, and the bureau settles the item. A number that is no item, or
 * a number and a name that disagree, is refused.
 * @example const read = negativeListResolver(items); read('违规有偿补课', '2024-03-01')
 */
export function negativeListResolver(items: readonly NegativeListItem[]): (text: string, occurredOn: string) => ReasonReading | Rejection {
  const byCode = new Map(items.map((i) => [i.code, i]));
  const byTitle = new Map(items.map((i) => [normalizeText(i.title), i]));
  const field = 'negativeListItem';
  const unclassified = (message: string): ReasonReading => ({ item: null, classification: 'UNCLASSIFIED', notice: { code: 'NEGATIVE_LIST_ITEM_UNCLASSIFIED', message, field } });
  const pending = '记为“未归类”，待教育局确定事项；处分照常计入一票否决';

  /** The item the words name by keywords, when it is on the list and in force on the date. */
  const byWords = (text: string, occurredOn: string): ReasonReading => {
    const c = NEGATIVE_LIST_ITEM.classify(text);
    if (!c) return unclassified(`处分原因“${text}”不是负面清单事项，也没有可识别的关键词：${pending}`);
    if ('ambiguous' in c) {
      const which = c.ambiguous.map((a) => `第 ${NEGATIVE_LIST_ITEM.code(a.value)} 项“${NEGATIVE_LIST_ITEM.label(a.value)}”（关键词“${a.keyword}”）`).join('、');
      return unclassified(`处分原因“${text}”同时涉及 ${which}，无法确定是哪一项：${pending}`);
    }
    const item = byCode.get(NEGATIVE_LIST_ITEM.code(c.value)!);
    if (!item || (item.retiredOn && occurredOn >= item.retiredOn)) {
      return unclassified(`处分原因“${text}”按关键词“${c.keyword}”对应的负面清单第 ${NEGATIVE_LIST_ITEM.code(c.value)} 项已停用：${pending}`);
    }
    return {
      item,
      classification: 'KEYWORD',
      notice: { code: 'NEGATIVE_LIST_ITEM_CLASSIFIED', message: `处分原因“${text}”按关键词“${c.keyword}”归为负面清单${named(item)}（原文保留）`, field },
    };
  };

  return (raw, occurredOn) => {
    const text = (raw ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
    const s = normalizeText(text);
    if (!s) return reject('REQUIRED', '处分原因（负面清单事项）不能为空', field);
    const titled = byTitle.get(s);
    if (titled) return { item: titled, classification: 'LISTED' };
    const m = NUMBERED.exec(s);
    if (m) {
      const numbered = byCode.get(String(Number(m[1])));
      const title = m[2];
      if (numbered && (!title || normalizeText(numbered.title) === title)) return { item: numbered, classification: 'LISTED' };
      if (!numbered && !title) {
        return reject('NEGATIVE_LIST_ITEM_NOT_FOUND', `负面清单中没有第 ${m[1]} 项：请填写清单中的事项编号或名称（如“5”“关心爱护学生”），或写明违规行为（如“违规有偿补课”）`, field);
      }
      if (numbered) {
        // 5-体罚学生: the words after the number may describe the item rather than name it
        const words = byWords(title, occurredOn);
        if (words.item?.id === numbered.id) return words;
        return reject('NEGATIVE_LIST_ITEM_MISMATCH', `负面清单第 ${numbered.code} 项是“${numbered.title}”，与“${title}”不一致`, field);
      }
    }
    return byWords(text, occurredOn);
  };
}
