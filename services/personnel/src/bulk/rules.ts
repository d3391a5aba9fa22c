/** Whether two stored values are the same for the purpose of "unchanged". */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return String(a) === String(b);
  return (a ?? null) === (b ?? null);
}
