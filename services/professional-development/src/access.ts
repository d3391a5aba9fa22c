// whom a list of records is narrowed to is the kernel's rule
export { recordScope } from '@tw/kernel';
export type { RecordScope } from '@tw/kernel';
