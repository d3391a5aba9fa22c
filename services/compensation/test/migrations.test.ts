import { testDatabaseKinds } from '@tw/kernel/testing';
import { ENTITIES, openCompensationDatabase } from '@tw/compensation';
import { migrationDrift } from '@tw/test';

describe.each(testDatabaseKinds())('compensation migrations on %s', (kind) => {
  it('build exactly the schema the entities describe, and run again without change', async () => {
    const { differences, pendingOnReopen } = await migrationDrift(kind, { service: 'compensation', entities: ENTITIES, open: openCompensationDatabase });
    expect(differences).toEqual([]);
    expect(pendingOnReopen).toBe(false);
  });
});
