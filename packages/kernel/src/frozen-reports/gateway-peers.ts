import { Principal } from '../auth/principal';
import { signDelegatedToken } from '../auth/tokens';
import { AppError, ErrorCode } from '../errors';
import { currentRequestScope } from '../request-scope';
import { REQUEST_ID_HEADER } from '../services';
import { FreezePeers, FROZEN_REPORT_PARTS, ReportFreezeData } from './figures';

const FREEZE_FIELDS = 'year frozenAt frozenBy frozenByRole unfrozenAt unfrozenBy unfreezeReason';

interface Answer {
  data?: Record<string, (Omit<ReportFreezeData, 'frozenAt' | 'unfrozenAt'> & { frozenAt: string; unfrozenAt: string | null }) | null>;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/**
 * The other services' parts of the report, reached through the gateway for the DISTRICT_ADMIN who
 * freezes (a token delegated by `owner`, so each part records that admin as the one who froze it).
 * @example startService({ …, freezePeers: gatewayFreezePeers({ url: gatewayUrl, gatewaySecret, owner: 'personnel' }) }, listen)
 */
export function gatewayFreezePeers(o: { url: string; gatewaySecret: string; owner: string; timeoutMs?: number }): FreezePeers {
  const call = async (admin: Principal, service: string, field: string, query: string, variables: Record<string, unknown>) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${signDelegatedToken(o.owner, o.gatewaySecret, admin, '5m')}` };
    const requestId = currentRequestScope()?.requestId;
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    let body: Answer;
    try {
      const res = await fetch(o.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(o.timeoutMs ?? 60_000) });
      body = (await res.json()) as Answer;
    } catch (e) {
      throw new AppError(ErrorCode.UNAVAILABLE, `${service} could not be reached through the gateway (${o.url}): ${(e as Error).message}`);
    }
    if (body.errors?.length || !body.data) {
      const first = body.errors?.[0];
      throw new AppError(first?.extensions?.code ?? ErrorCode.UNAVAILABLE, `${service}：${body.errors?.map((e) => e.message).join('; ') ?? '无应答'}`);
    }
    const v = body.data[field];
    return v ? { ...v, frozenAt: new Date(v.frozenAt), unfrozenAt: v.unfrozenAt ? new Date(v.unfrozenAt) : null } : null;
  };
  const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
  return {
    parts: FROZEN_REPORT_PARTS.filter((p) => p.service !== o.owner),
    async freeze(part, admin, year, freezeId, owner) {
      const field = `freeze${cap(part.prefix)}Figures`;
      await call(admin, part.service, field, `mutation($year: Int!, $freezeId: ID!, $owner: String!) { ${field}(year: $year, freezeId: $freezeId, owner: $owner) { ${FREEZE_FIELDS} } }`, {
        year,
        freezeId,
        owner: JSON.stringify(owner),
      });
    },
    async unfreeze(part, admin, year, reason, freezeId) {
      const field = `unfreeze${cap(part.prefix)}Figures`;
      return call(admin, part.service, field, `mutation($year: Int!, $reason: String!, $freezeId: ID) { ${field}(year: $year, reason: $reason, freezeId: $freezeId) { ${FREEZE_FIELDS} } }`, {
        year,
        reason,
        freezeId,
      });
    },
  };
}
