import { testDatabaseKinds } from '@tw/kernel/testing';
import { ENTITIES, openProfessionalDevelopmentDatabase } from '@tw/professional-development';
import { migrationDrift } from '@tw/test';

describe.each(testDatabaseKinds())('professional-development migrations on %s', (kind) => {
  it('build exactly the schema the entities describe, and run again without change', async () => {
    const { differences, pendingOnReopen } = await migrationDrift(kind, {
      service: 'professional-development',
      entities: ENTITIES,
      open: openProfessionalDevelopmentDatabase,
    });
    expect(differences).toEqual([]);
    expect(pendingOnReopen).toBe(false);
  });
});
