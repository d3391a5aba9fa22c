import type DataLoader from 'dataloader';

/** A year's figures from a per-year loader, which computes one for every year it is asked. */
export async function figuresFor<V>(loader: DataLoader<number, V | null>, year: number): Promise<V> {
  const v = await loader.load(year);
  if (v === null) throw new Error(`The figures of ${year} were not computed`);
  return v;
}
