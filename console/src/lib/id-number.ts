/**
 * ID numbers are shown exactly as the API answers them: whole to those who may see them (the district,
 * the teacher's own school), masked by the API (410102********1234) to everyone else. The console never
 * unmasks, masks again or reformats a number: what a person reads is what the API decided.
 */
export interface IdNumberView {
  /** the characters to show, unchanged */
  readonly text: string;
  /** the API masked it */
  readonly masked: boolean;
  /** what a screen reader and the tooltip say */
  readonly description: string;
}

/** @example idNumberView('410102********1234') // { text: '410102********1234', masked: true, … } */
export function idNumberView(value: string | null | undefined): IdNumberView {
  const text = value ?? '';
  if (!text) return { text: '—', masked: false, description: '未登记身份证件号' };
  const masked = text.includes('*');
  return { text, masked, description: masked ? '身份证件号已按权限脱敏显示' : '完整身份证件号（个人信息，请勿外传）' };
}
