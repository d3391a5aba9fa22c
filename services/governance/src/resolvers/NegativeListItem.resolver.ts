import { auditEntry, badInput, cleanText, LocalDate, newId, normalizeText, notFound, recordAudit, recordVersions, requirePrincipal, requireRole, todayInChina } from '@tw/kernel';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { negativeListItemSnapshot } from '../bulk/snapshots';
import { NegativeListItem } from '../entities/negative-list-item.entity';
import { NegativeListItemInput } from '../inputs/violation.input';
import { GovernanceContext } from '../context';

/** The maintained negative list: everyone signed in reads it (it is the published code of conduct); DISTRICT_ADMIN maintains it. */
@Resolver(() => NegativeListItem)
export class NegativeListItemResolver {
  @Query(() => [NegativeListItem], { description: '负面清单: the items of the ethics negative list, in order' })
  async negativeListItems(@Arg('includeRetired', { defaultValue: false }) includeRetired: boolean, @Ctx() ctx: GovernanceContext): Promise<NegativeListItem[]> {
    requirePrincipal(ctx);
    const items = await ctx.ds.getRepository(NegativeListItem).find({ order: { sortOrder: 'ASC' } });
    const today = todayInChina(ctx.clock);
    return includeRetired ? items : items.filter((i) => !i.retiredOn || i.retiredOn > today);
  }

  @FieldResolver({ description: 'Whether violations dated today may name it' })
  active(@Root() i: NegativeListItem, @Ctx() ctx: GovernanceContext): boolean {
    return !i.retiredOn || i.retiredOn > todayInChina(ctx.clock);
  }

  @Mutation(() => NegativeListItem, { description: 'Adds an item to the negative list, numbered after the last (DISTRICT_ADMIN; audited)' })
  async addNegativeListItem(@Arg('input', () => NegativeListItemInput) input: NegativeListItemInput, @Ctx() ctx: GovernanceContext): Promise<NegativeListItem> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN');
    const title = cleanText(input.title);
    if (!title || title.length > 100) throw badInput('事项名称不能为空，且不超过 100 字', { field: 'title' });
    const description = cleanText(input.description);
    if (description && description.length > 2000) throw badInput('事项说明不超过 2000 字', { field: 'description' });
    return ctx.ds.transaction(async (m) => {
      const items = await m.getRepository(NegativeListItem).find();
      const same = items.find((i) => normalizeText(i.title) === normalizeText(title));
      if (same) throw badInput(`负面清单已有第 ${same.code} 项“${same.title}”`, { field: 'title', existingCode: same.code });
      const now = ctx.clock.now();
      const item = Object.assign(new NegativeListItem(), {
        id: newId(),
        code: String(Math.max(0, ...items.map((i) => Number(i.code) || 0)) + 1),
        title,
        description,
        sortOrder: Math.max(0, ...items.map((i) => i.sortOrder)) + 1,
        retiredOn: null,
        createdAt: now,
        updatedAt: now,
      });
      await m.getRepository(NegativeListItem).insert(item);
      await recordAudit(m, [auditEntry(p, { entity: 'negative_list_item', entityId: item.id, key: item.code, teacherId: null, before: null, after: negativeListItemSnapshot(item) })]);
      await recordVersions(m, { principal: p, at: now }, [{ target: NegativeListItem, id: item.id, before: null, after: item, validFrom: todayInChina(ctx.clock) }]);
      return item;
    });
  }

  @Mutation(() => NegativeListItem, { description: 'Retires an item from a date (today by default): violations dated from then on may not name it; earlier ones keep it (DISTRICT_ADMIN; audited)' })
  async retireNegativeListItem(
    @Arg('code') code: string,
    @Arg('retiredOn', () => LocalDate, { nullable: true }) retiredOn: string | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<NegativeListItem> {
    return this.setRetired(ctx, code, retiredOn ?? todayInChina(ctx.clock));
  }

  @Mutation(() => NegativeListItem, { description: 'Puts a retired item back in use (DISTRICT_ADMIN; audited)' })
  async reinstateNegativeListItem(@Arg('code') code: string, @Ctx() ctx: GovernanceContext): Promise<NegativeListItem> {
    return this.setRetired(ctx, code, null);
  }

  private async setRetired(ctx: GovernanceContext, code: string, retiredOn: string | null): Promise<NegativeListItem> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN');
    return ctx.ds.transaction(async (m) => {
      const before = await m.getRepository(NegativeListItem).findOneBy({ code: cleanText(code) ?? '' });
      if (!before) throw notFound(`负面清单没有第 ${code} 项`);
      if ((before.retiredOn ?? null) === retiredOn) return before;
      const now = ctx.clock.now();
      const after = Object.assign(new NegativeListItem(), { ...before, retiredOn, updatedAt: now });
      await m.getRepository(NegativeListItem).update({ id: before.id }, { retiredOn, updatedAt: now });
      await recordAudit(m, [
        auditEntry(p, { entity: 'negative_list_item', entityId: before.id, key: before.code, teacherId: null, before: negativeListItemSnapshot(before), after: negativeListItemSnapshot(after) }),
      ]);
      await recordVersions(m, { principal: p, at: now }, [{ target: NegativeListItem, id: before.id, before, after, validFrom: todayInChina(ctx.clock) }]);
      return after;
    });
  }
}
