import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlDuration, graphqlRequests, operationLabel, requestRefusals } from './metrics';
import { nameOperationSpan } from './tracing';

/** The codes of a request refused by a limit before it ran (the gateway's limits, trusted documents). */
export const REFUSAL_CODES = new Set([
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_ALIASES',
  'TOO_MANY_OPERATIONS',
  'PAYLOAD_TOO_LARGE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_TRUSTED',
  'REQUEST_TIMEOUT',
]);

/**
 * Counts every GraphQL request by operation name and outcome (ok, error, refused), times it, counts
 * the refusals by code, and names the request's span after its operation.
 * @example new ApolloServer({ schema, plugins: [telemetryPlugin('personnel')] })
 */
export function telemetryPlugin(service: string): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let executed = false;
      let failed = false;
      return {
        async didResolveOperation(rc) {
          nameOperationSpan(rc.operationName, rc.operation?.operation);
        },
        async executionDidStart() {
          executed = true;
        },
        async didEncounterErrors(rc) {
          failed = true;
          for (const e of rc.errors) {
            const code = e.extensions?.code;
            if (typeof code === 'string' && REFUSAL_CODES.has(code)) requestRefusals.inc({ service, code });
          }
        },
        async willSendResponse(rc) {
          const operation = operationLabel(rc.operationName ?? rc.request.operationName);
          const outcome = !failed ? 'ok' : executed ? 'error' : 'refused';
          graphqlRequests.inc({ service, operation, outcome });
          graphqlDuration.observe({ service, operation }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
