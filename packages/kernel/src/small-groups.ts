import type { Principal } from './auth/principal';

/**
 * The small-group rule: a figure computed over fewer than MIN_GROUP_SIZE teachers is withheld, and
 * which figures are withheld is decided from the data alone (group sizes), the same for every reader
 * who may not read the whole district. A reader-dependent choice leaks: with a school's own figure
 * shown to its admin, complementary withholding moves to another school, and two readers' answers
 * together give back a small group. Only a reader who may read every teacher of the district (a
 * DISTRICT_ADMIN, a service) sees everything, which tells them nothing they may not read.
 */
export const MIN_GROUP_SIZE = 5;

export interface SizedGroup<K> {
  readonly key: K;
  /** how many teachers the group's figure is computed over */
  readonly size: number;
}

export interface Suppression<K> {
  /** groups whose figures are withheld */
  readonly withheld: ReadonlySet<K>;
  /** groups withheld only so that a small group cannot be worked out from the total (complementary) */
  readonly complementary: ReadonlySet<K>;
  /** whether the total over all the groups is withheld too */
  readonly totalWithheld: boolean;
}

/** Whether the reader may read every teacher of the district, so that nothing is withheld from them. */
export function readsWholeDistrict(p: Principal | null): boolean {
  return p?.role === 'DISTRICT_ADMIN' || p?.role === 'SERVICE';
}

/**
 * Which groups' figures to withhold. Primary: a group of 1–4 teachers. Complementary, when a total
 * over the groups is shown beside them: total − the shown groups gives the withheld groups' combined
 * figure, so the withheld groups together must hold at least MIN_GROUP_SIZE teachers; the smallest
 * other groups are withheld until they do (ties by key), and when no group is left to withhold the
 * total is withheld as well. Nothing here depends on who reads, except `readerSeesAll`.
 * @example suppressSmallGroups([{ key: 'a', size: 3 }, { key: 'b', size: 40 }], { withTotal: true, readerSeesAll: false }) // withholds a and b
 */
export function suppressSmallGroups<K>(
  groups: readonly SizedGroup<K>[],
  o: {
    /** whether a total over all the groups is shown beside them */
    withTotal: boolean;
    /** groups to withhold whatever their size (withheld for another figure of theirs) */
    force?: Iterable<K>;
    /** the reader may read every teacher of the district (`readsWholeDistrict`): nothing is withheld */
    readerSeesAll: boolean;
  },
): Suppression<K> {
  const withheld = new Set<K>();
  const complementary = new Set<K>();
  if (o.readerSeesAll) return { withheld, complementary, totalWithheld: false };
  const forced = new Set(o.force ?? []);
  for (const g of groups) {
    // a forced group is withheld whatever its size: even a 0 would tell something about it
    if (forced.has(g.key) || (g.size > 0 && g.size < MIN_GROUP_SIZE)) withheld.add(g.key);
  }
  let totalWithheld = false;
  if (o.withTotal) {
    const totalSize = groups.reduce((s, g) => s + g.size, 0);
    if (totalSize > 0 && totalSize < MIN_GROUP_SIZE) totalWithheld = true;
    else if (withheld.size) {
      let hidden = groups.filter((g) => withheld.has(g.key)).reduce((s, g) => s + g.size, 0);
      const candidates = groups.filter((g) => !withheld.has(g.key) && g.size > 0).sort((a, b) => a.size - b.size || String(a.key).localeCompare(String(b.key)));
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
    : `computed over ${size} teacher${size === 1 ? '' : 's'}, fewer than ${MIN_GROUP_SIZE}: withheld from every reader but the district's administrators`;
}
