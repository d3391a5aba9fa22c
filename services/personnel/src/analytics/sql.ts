// the SQL helpers every service's figures share, under the short names this folder's statements use
export { sqlMarks as marks, sqlNumber as num, queryRows as rows, yearsTable, indexHint } from '@tw/kernel';
