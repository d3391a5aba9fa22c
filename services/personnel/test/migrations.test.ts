import { testDatabaseKinds } from '@tw/kernel/testing';
import { ENTITIES, openPersonnelDatabase } from '@tw/personnel';
import { migrationDrift } from '@tw/test';

describe.each(testDatabaseKinds())('personnel migrations on %s', (kind) => {
  it('build exactly the schema the entities describe, and run again without change', async () => {
    const { differences, pendingOnReopen } = await migrationDrift(kind, { service: 'personnel', entities: ENTITIES, open: openPersonnelDatabase });
    expect(differences).toEqual([]);
    expect(pendingOnReopen).toBe(false);
  });
});
