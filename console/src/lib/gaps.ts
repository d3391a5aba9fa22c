// Data gaps on the dashboard, in the console's words. The rule itself (which schools, which kinds,
// when a 0 is a gap) is the kernel's, shared with the workbook export.
import { type DataGap, figureGaps } from '@tw/kernel/data-gaps';

/** What a figure card shows of its gaps: a tag and the tooltip that names the schools. */
export interface CardGap {
  readonly summary: string;
  readonly tooltip: string;
}

/** A figure card's gaps, or null when every school sent what the figure is counted from: 2 所学校未报送国内培训. */
export function cardGap(kinds: readonly string[], gaps: readonly DataGap[] | null | undefined): CardGap | null {
  const { schools, kindTitles } = figureGaps(kinds, gaps);
  if (!schools.length) return null;
  const what = kindTitles.join('、');
  return {
    summary: `${schools.length} 所学校未报送${what}`,
    tooltip: `以下学校当年没有报送${what}，其数字是缺口而不是 0：${schools.map((s) => s.name).join('、')}`,
  };
}
