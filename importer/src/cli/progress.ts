/** A job as much as a progress line needs. */
export interface JobProgress {
  readonly status: string;
  readonly rowsExpected: number | null;
  readonly rowsRead: number;
  readonly rowsWritten: number;
  readonly rowsUnchanged: number;
  readonly rowsRejected: number;
}

const STATUS: Record<string, string> = {
  queued: '排队中',
  validating: '校验中',
  writing: '写入中',
  succeeded: '完成',
  failed: '失败',
  partially_succeeded: '部分完成',
};

const WIDTH = 30;

/**
 * One line of progress: a bar while checking (rows read of the rows the file declares) and while
 * writing (rows written of the rows that passed), and the counts.
 * @example progressLine({ status: 'validating', rowsExpected: 1000, rowsRead: 500, … }) // '校验中 [███…   ]  50% 已读 500 行 …'
 */
export function progressLine(j: JobProgress): string {
  const toWrite = j.rowsRead - j.rowsUnchanged - j.rowsRejected;
  const fraction =
    j.status === 'validating' && j.rowsExpected ? j.rowsRead / j.rowsExpected : j.status === 'writing' && toWrite > 0 ? j.rowsWritten / toWrite : ['succeeded', 'partially_succeeded', 'failed'].includes(j.status) ? 1 : 0;
  const f = Math.max(0, Math.min(1, fraction));
  const filled = Math.round(f * WIDTH);
  const bar = `[${'█'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${String(Math.round(f * 100)).padStart(3)}%`;
  return `${STATUS[j.status] ?? j.status} ${bar} 已读 ${j.rowsRead} 行，已写入 ${j.rowsWritten}，未变 ${j.rowsUnchanged}，拒绝 ${j.rowsRejected}`;
}
