/**
 * The small-group rule: a figure computed over fewer than MIN_GROUP_SIZE teachers is withheld from
 * a reader who may not read each of those teachers' data (ANALYST always; TEACHER, and SCHOOL_ADMIN
 * for other schools), so that no one's pay can be read off a small group.
 */
export const MIN_GROUP_SIZE = 5;

export interface FigureGroup<K> {
  readonly key: K;
  /** how many teachers the group's figure is computed over */
  readonly size: number;
  /** whether this reader may read every one of those teachers' data anyway */
  readonly open: boolean;
}

export interface Suppression<K> {
  /** groups whose figures are withheld */
  readonly withheld: ReadonlySet<K>;
  /** groups withheld only so that a small group cannot be worked out from the total (complementary) */
  readonly complementary: ReadonlySet<K>;
  /** whether the total over all the groups is withheld too */
  readonly totalWithheld: boolean;
}

/**
 * Which groups' figures to withhold. Primary: a group of 1–4 teachers the reader cannot read in
 * full. Complementary, when a total over the groups is shown beside them: total − the shown groups
 * gives the withheld groups' combined figure, so the withheld groups together must hold at least
 * MIN_GROUP_SIZE teachers; the smallest other groups are withheld until they do, and when no group
 * is left to withhold the total is withheld as well.
 * @example suppressSmallGroups([{ key: 'a', size: 3, open: false }, { key: 'b', size: 40, open: false }], { withTotal: true }) // withholds a and b
 */
export function suppressSmallGroups<K>(
  groups: readonly FigureGroup<K>[],
  o: {
    /** whether a total over all the groups is shown beside them */
    withTotal: boolean;
    /** groups to withhold whatever their size (withheld for another figure of theirs) */
    force?: Iterable<K>;
  },
): Suppression<K> {
  const forced = new Set(o.force ?? []);
  const withheld = new Set<K>();
  for (const g of groups) {
    // a forced group is withheld whatever its size: even a 0 would tell something about it
    if (!g.open && (forced.has(g.key) || (g.size > 0 && g.size < MIN_GROUP_SIZE))) withheld.add(g.key);
  }
  const complementary = new Set<K>();
  let totalWithheld = false;
  if (o.withTotal) {
    const totalSize = groups.reduce((s, g) => s + g.size, 0);
    const allOpen = groups.every((g) => g.open || g.size === 0);
    if (!allOpen && totalSize > 0 && totalSize < MIN_GROUP_SIZE) totalWithheld = true;
    else if (withheld.size) {
      let hidden = groups.filter((g) => withheld.has(g.key)).reduce((s, g) => s + g.size, 0);
      const candidates = groups
        .filter((g) => !withheld.has(g.key) && !g.open && g.size > 0)
        .sort((a, b) => a.size - b.size || String(a.key).localeCompare(String(b.key)));
      for (const g of candidates) {
        if (hidden >= MIN_GROUP_SIZE) break;
        withheld.add(g.key);
        complementary.add(g.key);
        hidden += g.size;
      }
      if (hidden < MIN_GROUP_SIZE) totalWithheld = true;
    }
  }
  return { withheld, complementary, totalWithheld };
}

/** Why a figure is withheld, for the `withheldReason` fields. */
export function withheldReason(size: number, complementary: boolean): string {
  return complementary
    ? `withheld so that a group of fewer than ${MIN_GROUP_SIZE} teachers cannot be worked out from the total`
    : `computed over ${size} teacher${size === 1 ? '' : 's'}, fewer than ${MIN_GROUP_SIZE}: withheld from readers who may not read each of them`;
}
