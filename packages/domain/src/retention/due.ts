import type { RetentionDueItem } from '@throughline/contracts';
import { type AccessContext, perform } from '../access';
import { dayIn, retentionOfFacts } from './clock';
import { listClosedFacts } from './repository';
import { isDue } from './retention-date';
import { retentionRuleOf } from './settings';

/**
 * The closed records whose retention date has been reached, for the administrator's review
 * (names, dates and the basis only; nothing of the record). Oldest date first.
 */
export async function listRetentionDue(ctx: AccessContext): Promise<{ items: RetentionDueItem[] }> {
  const target = { resourceType: 'retention', what: 'record' };
  return perform(ctx, 'retention.due.list', target, async (tx, step) => {
    const { actor } = step;
    const rule = await retentionRuleOf(tx, actor.practiceId);
    const items: RetentionDueItem[] = [];
    for (const facts of await listClosedFacts(tx, actor.practiceId)) {
      const date = await retentionOfFacts(tx, ctx.services.keyring, actor.practiceId, rule, facts);
      if (!isDue(date.retainUntil, dayIn(ctx.services.now(), facts.practiceTimeZone))) continue;
      items.push({
        episodeId: facts.episodeId,
        clientName: facts.clientName,
        therapistName: facts.therapistName,
        closedAt: facts.closedAt,
        lastServiceOn: date.lastServiceOn,
        retainUntil: date.retainUntil,
        basis: date.basis,
      });
    }
    items.sort((a, b) => a.retainUntil.localeCompare(b.retainUntil));
    step.audit({ detail: { count: items.length } });
    return { items };
  });
}
