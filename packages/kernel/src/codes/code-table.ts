/** One value of a national code table: its enum name, the national code (when it has one) and label. */
export interface CodeEntry<V extends string> {
  readonly value: V;
  readonly label: string;
  readonly code?: string;
  /** other ways files write it: short forms, older names */
  readonly aliases?: readonly string[];
}

/** Full-width to half-width, trimmed, inner white space removed: how files' cells are compared. */
export function normalizeText(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '').trim();
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
