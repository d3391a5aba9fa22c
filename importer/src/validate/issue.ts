/** One problem with one row, as the job report and the error report show it. */
export interface RowIssue {
  /** the column's header as the file wrote it; absent when the problem is the whole row's */
  readonly column?: string;
  /** the cell as text */
  readonly value?: string;
  /** stable English code: ID_NUMBER_CHECK_DIGIT, REQUIRED, DUPLICATE_ROW… */
  readonly code: string;
  /** for people, in Chinese, naming the sheet, the row, the column and the value */
  readonly message: string;
  /** absent: an error (the row is rejected); 'warning': the row is written and the clerk told */
  readonly severity?: 'warning';
}

/** Where a problem is, in the words of the message: 工作表“基本信息”第 12 行“身份证件号”列（值“…”）. */
export function issueAt(sheet: string, row: number, reason: string, column?: string, value?: string): string {
  const where = `工作表“${sheet}”第 ${row} 行`;
  if (!column) return `${where}：${reason}`;
  const v = value === undefined || value === '' ? '为空' : `的值“${value}”`;
  return `${where}“${column}”列${v}：${reason}`;
}
