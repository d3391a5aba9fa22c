import { AsyncLocalStorage } from 'node:async_hooks';

/** What the platform tracks for the request being served: its id and the SQL statements it made. */
export interface RequestScope {
  readonly requestId: string;
  sqlStatements: number;
  /** the import job the request writes for (header x-import-job; the history keeps it only for the importer) */
  readonly importJobId?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` inside a request scope; SQL statements issued inside are counted on it. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
