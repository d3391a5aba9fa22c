/**
 * A cell value made safe to open, for every workbook the platform writes (error reports, national
 * exports, the district report): text that a spreadsheet program could run as a formula, i.e. that
 * starts with = + - @ after any whitespace or control characters (a tab, a line break, spaces, which
 * some programs skip), gets a leading apostrophe (OWASP “CSV injection”), even once saved as CSV.
 * Numbers, booleans and dates stay as they are.
 * @example neutraliseCell(' =HYPERLINK("http://x")') // "' =HYPERLINK(\"http://x\")"
 */
export function neutraliseCell<T>(v: T): T | string {
  if (typeof v !== 'string') return v;
  return /^[\s\u0000-\u001f\u007f\u00a0\u3000]*[=+\-@＝＋－＠]/.test(v) ? `'${v}` : v;
}
