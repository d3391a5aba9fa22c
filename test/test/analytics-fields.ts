/** The selections the analytics tests (and the export) ask for. */
const SUB: Record<string, string> = {
  recruitedByChannel: '{ channel count }',
  personTimesByLevel: '{ level personTimes hours }',
  studiosByKindAndLevel: '{ kind level count }',
  talentPassedByCategory: '{ category passed withheld }',
  governanceReform: '{ total notStarted pilot completed completedShare }',
};

/** A selection of `fields`, with the sub-selection of each object field. */
export const selection = (fields: readonly string[]): string => fields.map((f) => (SUB[f] ? `${f} ${SUB[f]}` : f)).join(' ');
