/**
 * A share rounded to 4 places (0.1234 is 12.34 %), null when there is nothing to share in.
 * @example shareOf(3, 8) // 0.375
 */
export function shareOf(part: number, whole: number | null | undefined): number | null {
  if (!whole) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}
