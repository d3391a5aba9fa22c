import { CodeTable, NEGATIVE_LIST_ITEM, NOT_AT_POST_KEYWORDS, STAFF_STATUS } from '@tw/kernel';
import { KINDS } from '../kinds';
import { requirementText } from '../report/template';
import { KindSpec, TeacherReference } from '../spec/kind-spec';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const header = (spec: KindSpec, key: string) => spec.columns.find((c) => c.key === key)?.header ?? key;

function teacherLine(spec: KindSpec, t: TeacherReference): string {
  const who = t.role ? `the ${t.role}` : 'the teacher';
  const type = t.idTypeKey ? `${header(spec, t.idTypeKey)} + ` : '';
  const name = t.nameKey ? `, and ${header(spec, t.nameKey)} must agree with the roster${spec.columns.find((c) => c.key === t.nameKey)?.required === true ? '' : ' when given'}` : '';
  return `${who}: by ${type}${header(spec, t.idNumberKey)}${t.optional ? ' (may be blank)' : ''}${name}`;
}

function kindSection(spec: KindSpec): string {
  const lines = [
    `## ${spec.kind}: ${spec.title}`,
    '',
    `- national sub-set: ${spec.nationalSubset ?? '—'}`,
    `- written by: ${spec.targets.map((t) => `\`${t.mutation}\``).join(' and ')} (${spec.service} subgraph), input ${spec.targets.map((t) => `\`${t.inputType}\``).join(' and ')}, at most 1,000 rows a call`,
    `- who may import: ${spec.roles.join(', ')}`,
    `- key (a re-import updates): ${spec.keyDescription}`,
    `- template: \`GET /templates/${spec.kind}.xlsx\`; CLI: \`npm run import -- ${spec.kind} <file>\``,
  ];
  if (spec.school) {
    lines.push(
      spec.school.optional
        ? '- the school: by 学校标识码 or exact 学校名称 (a single 学校 column may hold either); a row without one is district-wide, or the upload’s school (`--school CODE`, or the SCHOOL_ADMIN’s school)'
        : '- the school: by 学校标识码 or exact 学校名称 (a single 学校 column may hold either); a school’s own upload may omit both (`--school CODE`, or the SCHOOL_ADMIN’s school)',
    );
  }
  for (const t of spec.teachers ?? []) lines.push(`- ${teacherLine(spec, t)}`);
  for (const g of spec.groups ?? []) lines.push(`- rows of one ${g.what} (${g.columns.map((c) => header(spec, c)).join(', ')}) must agree across the file (\`${g.code}\`)`);
  if (spec.writeNote) lines.push(`- ${spec.writeNote}`);
  if (spec.extraColumns) lines.push(`- other columns are kept (as \`${spec.extraColumns.field}\`); ignored: ${spec.extraColumns.ignore.join('、')}`);
  lines.push('', '| column | also accepted as | required | what it holds |', '|---|---|---|---|');
  for (const c of spec.columns) {
    lines.push(`| ${cell(c.header)} | ${cell((c.synonyms ?? []).join('、') || '—')} | ${cell(requirementText(spec, c))} | ${cell([c.type.describe, c.note].filter(Boolean).join('; '))} |`);
  }
  return lines.join('\n');
}

/** One code table's keyword table: each value with the words that name it in free text. */
function keywordTable(table: CodeTable<string>, used: string): string[] {
  const rows = table.entries.filter((e) => e.keywords?.length);
  return [
    `### ${table.title} (${used})`,
    '',
    '| value | also written (exact) | words that name it (read with a warning) |',
    '|---|---|---|',
    ...rows.map((e) => `| ${cell(e.code ? `${e.code}-${e.label}` : e.label)} | ${cell((e.aliases ?? []).join('、') || '—')} | ${cell((e.keywords ?? []).join('、'))} |`),
    '',
  ];
}

/**
 * The keyword tables of the code tables the kinds read, generated from the kernel's code tables: how
 * free text in a coded column becomes a value (with a warning), and what is refused as ambiguous.
 */
function keywordTables(): string[] {
  const used = new Map<CodeTable<string>, string[]>();
  for (const k of KINDS) {
    for (const c of k.columns) {
      const t = c.type.table;
      if (t?.classifies) used.set(t, [...(used.get(t) ?? []), `${k.kind}: ${c.header}`]);
    }
  }
  return [
    '## Words in coded columns',
    '',
    'Generated from the keyword tables of the kernel’s code tables (`packages/kernel/src/codes`). A coded cell is read',
    'exactly first (label, code, `code-label`, the forms in the second column). Otherwise its words are looked up: when',
    'the keywords found name one value the row is written with that value and a warning (`CODE_CLASSIFIED`) saying',
    'which word was read as what; when they name several the cell is refused (`CODE_AMBIGUOUS`) with the accepted values.',
    'A keyword found only inside a longer one found does not count (线上 in 线上线下, 退休 in 待退休).',
    '',
    '### 处分原因 (ethics: 处分原因 — classified by governance)',
    '',
    'A 处分原因 that is no item of the negative list (by number, name or `number-name`) is read by these keywords; the',
    'words are kept as written and the row says which item they were read as (`NEGATIVE_LIST_ITEM_CLASSIFIED`). Words',
    'that name no item, or several, are kept 未归类 (`NEGATIVE_LIST_ITEM_UNCLASSIFIED`): the sanction still counts for',
    'the veto, and the bureau settles the item (`violations(filter: { classification: [UNCLASSIFIED] })`, `settleViolationItem`).',
    '',
    '| item | keywords |',
    '|---|---|',
    ...NEGATIVE_LIST_ITEM.entries.map((e) => `| ${e.code}-${e.label} | ${cell((e.keywords ?? []).join('、'))} |`),
    '',
    ...[...used].flatMap(([t, where]) => keywordTable(t, where.join('; '))),
    '### 人员状态 (teachers: 人员状态)',
    '',
    '| status | words that name it (read with a warning) |',
    '|---|---|',
    ...STAFF_STATUS.entries.filter((e) => e.keywords?.length).map((e) => `| ${cell(e.label)} | ${cell((e.keywords ?? []).join('、'))} |`),
    ...Object.entries(NOT_AT_POST_KEYWORDS).map(([detail, words]) => `| 暂未在本单位任职-${detail} | ${cell([detail, ...words].join('、'))} |`),
    '',
  ];
}

/**
 * importer/KINDS.md, generated from the specs (`npm run kinds-doc -w @tw/importer`); a test fails
 * when the committed file differs.
 */
export function renderKindsDoc(): string {
  return [
    '# Import kinds',
    '',
    'Generated from the specs in `importer/src/kinds` by `npm run kinds-doc -w @tw/importer`; do not edit by hand.',
    '',
    'Every kind accepts the quirks of school files: title rows above the header, two-row headers, `*` marks,',
    'format suffixes such as `(yyyy-MM-dd)`, synonyms, line breaks and full-width characters in headers; blank,',
    '合计 and 填表说明 rows; coded values as label, code or `code-label`; dates as Excel dates, serial numbers,',
    '2019-09, 2019.09, 2019/9/1, 2019年9月, 201909; booleans as 是/否, 1/0, Y/N, 1-是. Files: .xlsx, or .csv in',
    'UTF-8 (with or without BOM) or GB18030/GBK.',
    '',
    ...KINDS.map(kindSection).flatMap((s) => [s, '']),
    ...keywordTables(),
  ].join('\n');
}
