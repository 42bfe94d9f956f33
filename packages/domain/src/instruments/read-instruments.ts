import type * as Contract from '@throughline/contracts';
import { type AccessContext, HIDDEN, perform } from '../access';
import { definitionOf, listByPractice, listVersions, retireKey } from './repository';
import { toPracticeInstrument } from './views';

/** The practice's own instruments, current version of each, retired ones included (staff). */
export async function listPracticeInstruments(
  ctx: AccessContext,
): Promise<Contract.PracticeInstrumentList> {
  return perform(
    ctx,
    'practice-instrument.list',
    { resourceType: 'practice-instrument', what: 'instrument' },
    async (tx, step) => {
      const rows = await listByPractice(tx, step.actor.practiceId);
      const seen = new Set<string>();
      const items = rows.flatMap((row) => {
        if (seen.has(row.key)) return [];
        seen.add(row.key);
        return [toPracticeInstrument(definitionOf(row), row)];
      });
      step.audit({ detail: { count: items.length } });
      return { items: items.sort((a, b) => a.title.localeCompare(b.title)) };
    },
  );
}

/** One practice instrument, its current version (staff of the practice; another's: 404). */
export async function getPracticeInstrument(
  ctx: AccessContext,
  key: string,
): Promise<Contract.PracticeInstrument> {
  return perform(
    ctx,
    'practice-instrument.read',
    { resourceType: 'practice-instrument', resourceId: null, what: 'instrument' },
    async (tx, step) => {
      const [row] = await listVersions(tx, step.actor.practiceId, key);
      if (!row) return HIDDEN;
      step.audit({ resourceId: row.id });
      return toPracticeInstrument(definitionOf(row), row);
    },
  );
}

/**
 * Retires a practice instrument (administrators): it can no longer be planned, sent or scored;
 * open questionnaires for it leave clients' portals; scores already recorded stay readable.
 */
export async function retirePracticeInstrument(
  ctx: AccessContext,
  key: string,
): Promise<Contract.PracticeInstrument> {
  return perform(
    ctx,
    'practice-instrument.retire',
    { resourceType: 'practice-instrument', what: 'instrument' },
    async (tx, step) => {
      const { practiceId } = step.actor;
      const [current] = await listVersions(tx, practiceId, key);
      if (!current) return HIDDEN;
      await retireKey(tx, practiceId, key, ctx.services.now());
      const [row] = await listVersions(tx, practiceId, key);
      step.audit({ resourceId: current.id, detail: { key } });
      return toPracticeInstrument(definitionOf(row!), row);
    },
  );
}
