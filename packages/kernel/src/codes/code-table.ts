/** One value of a national code table: its enum name, the national code (when it has one) and label. */
export interface CodeEntry<V extends string> {
  readonly value: V;
  readonly label: string;
  readonly code?: string;
  /** other ways files write it: short forms, older names */
  readonly aliases?: readonly string[];
  /**
   * Words that name it inside free text (有偿补课 → 规范从教行为, 本科学历 → 大学本科): a cell that is
   * no form of any value but contains one of these, and no other value's, is read as this value,
   * and the reader says so (see `classify`).
   */
  readonly keywords?: readonly string[];
}

/** What `classify` made of free text: the value one keyword named, or the values several named. */
export type Classification<V> =
  | { readonly value: V; readonly keyword: string }
  | { readonly ambiguous: ReadonlyArray<{ readonly value: V; readonly keyword: string }> };

/** Full-width to half-width, trimmed, inner white space removed: how files' cells are compared. */
export function normalizeText(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '').trim();
}

/** Keywords, normalised, each with the value it names, longest first (see `classifyByKeywords`). */
export type KeywordPool<V> = ReadonlyArray<{ readonly word: string; readonly shown: string; readonly value: V }>;

/** A keyword pool from (keyword, value) pairs; a keyword naming two values is a mistake in the table. */
export function keywordPool<V>(table: string, pairs: Iterable<readonly [string, V]>): KeywordPool<V> {
  const words = new Map<string, { word: string; shown: string; value: V }>();
  for (const [shown, value] of pairs) {
    const word = normalizeText(shown).toUpperCase();
    const prior = words.get(word);
    if (prior && prior.value !== value) throw new Error(`${table}: keyword "${shown}" names both ${String(prior.value)} and ${String(value)}`);
    words.set(word, { word, shown, value });
  }
  return [...words.values()].sort((a, b) => b.word.length - a.word.length);
}

/**
 * Reads free text by keywords: the value whose keyword the text contains, when the keywords found
 * name one value; every value named when they name several. A keyword found only inside a longer
 * one found (线上 inside 线上线下, 退休 inside 待退休) does not count. Undefined when none is in the text.
 */
export function classifyByKeywords<V>(input: string, pool: KeywordPool<V>): Classification<V> | undefined {
  const text = normalizeText(input).toUpperCase();
  if (!text || !pool.length) return undefined;
  const found = pool.filter((k) => text.includes(k.word));
  // longest first: a keyword inside a longer one found is part of that one
  const kept = found.filter((k, i) => !found.slice(0, i).some((longer) => longer.word.includes(k.word)));
  if (!kept.length) return undefined;
  const byValue = new Map<V, string>();
  for (const k of kept) if (!byValue.has(k.value)) byValue.set(k.value, k.shown);
  if (byValue.size === 1) return { value: kept[0].value, keyword: kept[0].shown };
  return { ambiguous: [...byValue].map(([value, keyword]) => ({ value, keyword })) };
}

const CODE_LABEL = /^([0-9A-Za-z]{1,4})\s*[-—–_:：.、,，]?\s*(.+)$/;

/**
 * A national code table (GB/T 4762, GB 3304, …) in one place: parsing every form files use (label,
 * code, `code-label`, aliases, the enum name) and naming values for people.
 * @example POLITICAL_STATUS.parse('01-中国共产党党员') // 'CPC_MEMBER'
 */
export class CodeTable<V extends string> {
  readonly enum: Readonly<Record<V, V>>;
  private readonly lookup = new Map<string, V>();
  private readonly byValue = new Map<V, CodeEntry<V>>();
  /** the lengths of numeric codes, to read `1` as `01` when Excel dropped the leading zero */
  private readonly codeWidths: number[];
  /** every keyword, normalised, with the value it names; longest first */
  private readonly keywordList: KeywordPool<V>;

  constructor(
    /** GraphQL enum name */
    readonly name: string,
    /** the column's name in Chinese, for messages */
    readonly title: string,
    readonly entries: readonly CodeEntry<V>[],
  ) {
    const e = {} as Record<V, V>;
    for (const entry of entries) {
      e[entry.value] = entry.value;
      this.byValue.set(entry.value, entry);
      for (const key of [entry.value, entry.label, entry.code, ...(entry.aliases ?? [])]) {
        if (key === undefined) continue;
        const k = normalizeText(key).toUpperCase();
        const prior = this.lookup.get(k);
        if (prior && prior !== entry.value) throw new Error(`${name}: "${key}" names both ${prior} and ${entry.value}`);
        this.lookup.set(k, entry.value);
      }
    }
    this.keywordList = keywordPool(name, entries.flatMap((entry) => (entry.keywords ?? []).map((k) => [k, entry.value] as const)));
    this.enum = Object.freeze(e);
    this.codeWidths = [...new Set(entries.filter((x) => x.code && /^\d+$/.test(x.code)).map((x) => x.code!.length))];
  }

  private byCode(code: string): V | undefined {
    const direct = this.lookup.get(code);
    if (direct || !/^\d+$/.test(code)) return direct;
    for (const w of this.codeWidths) {
      if (w > code.length) {
        const padded = this.lookup.get(code.padStart(w, '0'));
        if (padded) return padded;
      }
    }
    return undefined;
  }

  /** The value a cell names, or undefined when it names none (or its code and label disagree). */
  parse(input: unknown): V | undefined {
    if (input === null || input === undefined) return undefined;
    const text = normalizeText(String(input)).toUpperCase();
    if (!text) return undefined;
    const direct = this.byCode(text);
    if (direct) return direct;
    const m = CODE_LABEL.exec(text);
    if (m) {
      const byCode = this.byCode(m[1]);
      const byLabel = this.lookup.get(m[2]);
      if (byCode && byLabel && byCode === byLabel) return byCode;
    }
    return undefined;
  }

  /**
   * Reads free text by the keywords of the table's values: the value whose keyword the text
   * contains, when the keywords found name one value; every value named when they name several. A
   * keyword found only inside a longer one found (线上 inside 线上线下) does not count. Undefined when
   * no keyword is in the text. Call it on what `parse` refused: an exact form is never classified.
   * @example NEGATIVE_LIST_ITEM.classify('违规有偿补课') // { value: 'REGULATED_PRACTICE', keyword: '有偿补课' }
   */
  classify(input: unknown): Classification<V> | undefined {
    if (input === null || input === undefined) return undefined;
    return classifyByKeywords(String(input), this.keywordList);
  }

  /** Whether any value has keywords (free text is classified). */
  get classifies(): boolean {
    return this.keywordList.length > 0;
  }

  has(value: string): value is V {
    return this.byValue.has(value as V);
  }

  label(value: V): string {
    return this.entry(value).label;
  }

  code(value: V): string | undefined {
    return this.entry(value).code;
  }

  entry(value: V): CodeEntry<V> {
    const e = this.byValue.get(value);
    if (!e) throw new Error(`${this.name} has no value ${value}`);
    return e;
  }

  values(): V[] {
    return this.entries.map((e) => e.value);
  }

  /** The forms a person may write, for messages and templates: `10-国家级`, or the label alone. */
  choices(): string[] {
    return this.entries.map((e) => (e.code ? `${e.code}-${e.label}` : e.label));
  }
}

export type ValueOf<T> = T extends CodeTable<infer V> ? V : never;
