import { testDatabaseKinds } from '@tw/kernel/testing';
import { ENTITIES, openGovernanceDatabase } from '@tw/governance';
import { migrationDrift } from '@tw/test';

describe.each(testDatabaseKinds())('governance migrations on %s', (kind) => {
  it('build exactly the schema the entities describe, and run again without change', async () => {
    const { differences, pendingOnReopen } = await migrationDrift(kind, { service: 'governance', entities: ENTITIES, open: openGovernanceDatabase });
    expect(differences).toEqual([]);
    expect(pendingOnReopen).toBe(false);
  });
});
