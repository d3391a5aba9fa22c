import { GraphQLResolveInfo } from 'graphql';
import { Arg, ClassType, Ctx, Directive, FieldResolver, ID, Info, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Principal } from '../auth/principal';
import { AppError, ErrorCode, forbidden } from '../errors';
import { BaseContext, requireRole } from '../graphql/context';
import { newId } from '../ids';
import { requireReportReader, requireYear } from '../reports';
import { computeFigures, frozenFigures, frozenReportsOf, FrozenReportPart, FrozenReportsRuntime, FROZEN_REPORT_PARTS, RESTRICTED_READER, standingFreeze, viewOf } from './figures';
import { alreadyFrozen, freezePart, FreezeErrorCode, requireUnfreezeReason, unfreezePart } from './operations';
import { FigureRevision, ReportFreeze } from './types';

const capitalized = (s: string) => s[0].toUpperCase() + s.slice(1);

interface ReportParent {
  readonly year: number;
  readonly sinceYear: number;
  readonly [field: string]: unknown;
}

/** The figures of a frozen year whose live recomputation differs from the stored value, for this reader's view. */
async function revisionsOf(rt: FrozenReportsRuntime, ctx: BaseContext, r: ReportParent): Promise<FigureRevision[]> {
  const reader = requireReportReader(ctx);
  if (r.sinceYear !== r.year) return [];
  const row = await standingFreeze(rt, ctx, r.year);
  if (!row) return [];
  const view = viewOf(reader);
  const frozen = frozenFigures(row)[view];
  // a figure that needs another service's figure is recomputed over that figure as the report answers it
  const live = await computeFigures(rt, view === 'open' ? reader : RESTRICTED_READER, r.year, r.sinceYear, r);
  const out: FigureRevision[] = [];
  for (const [field, label] of rt.labels) {
    if (!(field in frozen)) continue;
    const was = JSON.stringify(frozen[field] ?? null);
    const now = JSON.stringify(live[field] ?? null);
    if (was !== now) out.push(Object.assign(new FigureRevision(), { service: rt.service, field, label, frozenValue: was, liveValue: now }));
  }
  return out;
}

/** Only personnel's freezeDistrictReport, acting for a DISTRICT_ADMIN, freezes or lifts a part of the report. */
function requireFanOut(ctx: BaseContext): Principal {
  const p = requireRole(ctx, 'DISTRICT_ADMIN');
  if (p.role !== 'DISTRICT_ADMIN' || p.actingService !== 'service:personnel') {
    throw forbidden('A part of the district report is frozen and unfrozen only through freezeDistrictReport / unfreezeDistrictReport (personnel, for a DISTRICT_ADMIN)');
  }
  return p;
}

/**
 * The freeze of a service that extends DistrictReport: the internal mutations personnel's
 * freezeDistrictReport calls (freeze<Prefix>Figures, unfreeze<Prefix>Figures) and the
 * `<prefix>Revisions` field. `requires` names the @external fields its figures @require.
 * @example resolvers: [..., frozenFiguresResolver({ prefix: 'compensation', report: DistrictReportRef })]
 */
export function frozenFiguresResolver(o: { prefix: string; report: ClassType; requires?: string }): ClassType {
  const Cap = capitalized(o.prefix);
  const requiresDirective: MethodDecorator = o.requires ? Directive(`@requires(fields: "${o.requires}")`) : () => undefined;
  @Resolver(() => o.report)
  class FrozenFiguresResolver {
    @Mutation(() => ReportFreeze, { name: `freeze${Cap}Figures`, description: `Internal: freezeDistrictReport stores this service's figures of the year (personnel, for a DISTRICT_ADMIN)` })
    async freezePart(
      @Arg('year', () => Int) year: number,
      @Arg('freezeId', () => ID) freezeId: string,
      @Arg('owner', { description: "JSON of personnel's figures of the year, which this service's figures require" }) owner: string,
      @Ctx() ctx: BaseContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<ReportFreeze> {
      const admin = requireFanOut(ctx);
      requireYear(year);
      return ReportFreeze.of(await freezePart(frozenReportsOf(info.schema), admin, year, freezeId, JSON.parse(owner) as Record<string, unknown>));
    }

    @Mutation(() => ReportFreeze, { name: `unfreeze${Cap}Figures`, nullable: true, description: 'Internal: unfreezeDistrictReport lifts this service’s freeze of the year (null when none stood)' })
    async unfreezePart(
      @Arg('year', () => Int) year: number,
      @Arg('reason') reason: string,
      @Arg('freezeId', () => ID, { nullable: true, description: 'only this freeze’s (a freeze that did not complete is rolled back)' }) freezeId: string | null,
      @Ctx() ctx: BaseContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<ReportFreeze | null> {
      const admin = requireFanOut(ctx);
      requireYear(year);
      const row = await unfreezePart(frozenReportsOf(info.schema), admin, year, requireUnfreezeReason(reason, year), freezeId);
      return row && ReportFreeze.of(row);
    }

    @FieldResolver(() => [FigureRevision], { name: `${o.prefix}Revisions`, description: "This service's figures of a frozen year that differ now from the frozen ones (empty when the year is not frozen)" })
    @requiresDirective
    revisions(@Root() r: ReportParent, @Ctx() ctx: BaseContext, @Info() info: GraphQLResolveInfo): Promise<FigureRevision[]> {
      return revisionsOf(frozenReportsOf(info.schema), ctx, r);
    }
  }
  return FrozenFiguresResolver;
}

/**
 * The freeze as the frontend sees it, on the report's owner (personnel): freezeDistrictReport and
 * unfreezeDistrictReport, which freeze every service's part or none, and the report's `frozen` and
 * `personnelRevisions` fields.
 * @example resolvers: [..., districtFreezeResolver(DistrictReport)]
 */
export function districtFreezeResolver(report: ClassType): ClassType {
  @Resolver(() => report)
  class DistrictFreezeResolver {
    @Mutation(() => ReportFreeze, {
      description:
        "Stores the year's figures of every service as the official version (DISTRICT_ADMIN): districtReport(year) then answers them, with frozen and the revisions made since. All services or none.",
    })
    async freezeDistrictReport(@Arg('year', () => Int) year: number, @Ctx() ctx: BaseContext, @Info() info: GraphQLResolveInfo): Promise<ReportFreeze> {
      const admin = requireAdmin(ctx);
      requireYear(year);
      const rt = frozenReportsOf(info.schema);
      const peers = rt.peers;
      if (!peers) throw new AppError(ErrorCode.UNAVAILABLE, 'personnel was started without a gateway URL, so it cannot freeze the other services’ figures');
      const standing = await standingFreeze(rt, {}, year);
      if (standing) throw alreadyFrozen(standing);
      const freezeId = newId();
      // personnel's figures first: the others' figures that require them are computed over these values
      const owner = await computeFigures(rt, admin, year, year, {});
      const done: FrozenReportPart[] = [];
      try {
        for (const part of peers.parts) {
          await peers.freeze(part, admin, year, freezeId, owner);
          done.push(part);
        }
        return ReportFreeze.of(await freezePart(rt, admin, year, freezeId, {}, owner));
      } catch (e) {
        const reason = `冻结未全部完成，已自动撤回：${(e as Error).message}`.slice(0, 500);
        const failedRollback: string[] = [];
        for (const part of done.reverse()) {
          await peers.unfreeze(part, admin, year, reason, freezeId).catch(() => failedRollback.push(part.service));
        }
        const code = (e as AppError).extensions?.code;
        const head = failedRollback.length
          ? `${year} 年报表未能全部冻结，以下服务的冻结未能撤回，请解除冻结后重试：${failedRollback.join('、')}`
          : `${year} 年报表未能冻结，所有服务均未冻结`;
        throw new AppError(
          FreezeErrorCode.INCOMPLETE,
          `${head}（${(e as Error).message}）`,
          { year, cause: code ?? null },
        );
      }
    }

    @Mutation(() => ReportFreeze, { description: "Lifts the freeze of a year in every service (DISTRICT_ADMIN, with a reason, audited): its figures are computed live again" })
    async unfreezeDistrictReport(
      @Arg('year', () => Int) year: number,
      @Arg('reason', { description: 'Why (required; kept in each service’s audit log)' }) reason: string,
      @Ctx() ctx: BaseContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<ReportFreeze> {
      const admin = requireAdmin(ctx);
      requireYear(year);
      const why = requireUnfreezeReason(reason, year);
      const rt = frozenReportsOf(info.schema);
      const peers = rt.peers;
      if (!peers) throw new AppError(ErrorCode.UNAVAILABLE, 'personnel was started without a gateway URL, so it cannot unfreeze the other services’ figures');
      // every part is lifted, whichever stand (a part left over by a failed rollback included)
      const lifted: ReportFreeze[] = [];
      for (const part of peers.parts) {
        const peer = await peers.unfreeze(part, admin, year, why, null);
        if (peer) lifted.push(Object.assign(new ReportFreeze(), peer));
      }
      const own = await unfreezePart(rt, admin, year, why, null);
      if (own) return ReportFreeze.of(own);
      if (lifted.length) return lifted[0];
      throw new AppError(FreezeErrorCode.NOT_FROZEN, `${year} 年的区域报表没有冻结，无需解除`, { year });
    }

    @FieldResolver(() => ReportFreeze, {
      nullable: true,
      description: 'The standing freeze of the year: its figures are the official ones, frozen then (null when not frozen, or when sinceYear is not the year: the official version is the report of the year alone)',
    })
    async frozen(@Root() r: ReportParent, @Ctx() ctx: BaseContext, @Info() info: GraphQLResolveInfo): Promise<ReportFreeze | null> {
      if (r.sinceYear !== r.year) return null;
      const row = await standingFreeze(frozenReportsOf(info.schema), ctx, r.year);
      return row && ReportFreeze.of(row);
    }

    @FieldResolver(() => [FigureRevision], { description: "personnel's figures of a frozen year that differ now from the frozen ones (empty when the year is not frozen)" })
    personnelRevisions(@Root() r: ReportParent, @Ctx() ctx: BaseContext, @Info() info: GraphQLResolveInfo): Promise<FigureRevision[]> {
      return revisionsOf(frozenReportsOf(info.schema), ctx, r);
    }
  }
  return DistrictFreezeResolver;
}

function requireAdmin(ctx: BaseContext): Principal {
  const p = requireRole(ctx, 'DISTRICT_ADMIN');
  if (p.role !== 'DISTRICT_ADMIN') throw forbidden(`Freezing and unfreezing the district report is for DISTRICT_ADMIN only; your token has ${p.role}`);
  return p;
}

