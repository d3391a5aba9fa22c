import { registerEnumType } from 'type-graphql';
import * as codes from '../codes';
import { CodeTable } from '../codes/code-table';

const registered = new Map<string, CodeTable<string>>();

function register<V extends string>(table: CodeTable<V>): void {
  if (registered.has(table.name)) return;
  registered.set(table.name, table as unknown as CodeTable<string>);
  const valuesConfig: Record<string, { description: string }> = {};
  for (const e of table.entries) valuesConfig[e.value] = { description: e.code ? `${e.code} ${e.label}` : e.label };
  registerEnumType(table.enum, { name: table.name, description: table.title, valuesConfig: valuesConfig as never });
}

// type-graphql reads `@Field(() => …)` thunks only while building a schema, after it has listed the
// enums; so every table is registered when this module loads, not on first use.
for (const value of Object.values(codes)) if (value instanceof CodeTable) register(value);

/**
 * A code table as a GraphQL enum, each value described by its national code and label (`10 国家级`).
 * Tables defined outside the kernel must be passed here once at module load, before schema building.
 * @example @Field(() => graphqlEnum(GENDER)) gender!: Gender;
 */
export function graphqlEnum<V extends string>(table: CodeTable<V>): Readonly<Record<V, V>> {
  register(table);
  return table.enum;
}

/**
 * The code table behind a GraphQL enum of this process, by the enum's name (the kernel's tables, and
 * those passed to graphqlEnum here): what a value's label is, for a reader of the enum in another process.
 * @example codeTableNamed('HireChannel')?.label('CAMPUS') // '校园招聘'
 */
export function codeTableNamed(name: string): CodeTable<string> | undefined {
  return registered.get(name);
}
