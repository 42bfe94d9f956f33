import {
  type ContactDefaults,
  type CrisisResources,
  type CrisisResourcesInput,
  contactDefaultsSchema,
  storedCrisisResourcesSchema,
} from '@throughline/contracts';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { readPracticeContactSettings, writePracticeContactSettings } from '../identity';
import { type Executor, inTransaction } from '../shared/transaction';
import { DEFAULT_CONTACT_SHAPE, DEFAULT_CRISIS_RESOURCES } from './defaults';

/** Version of the `practices.contact_settings` JSON. */
export const CONTACT_SETTINGS_VERSION = 1;

type Stored = { crisisResources?: unknown; agreementDefaults?: unknown };

async function readStored(
  db: Executor,
  practiceId: string,
): Promise<{ stored: Stored; timeZone: string }> {
  const row = await readPracticeContactSettings(db, practiceId);
  return { stored: (row.settings ?? {}) as Stored, timeZone: row.timeZone };
}

/**
 * The practice's crisis resources (the one setting every screen of risk shows): the stored ones
 * when they read as valid, else the shipped defaults, marked unverified.
 */
export async function readCrisisResources(
  db: Executor,
  practiceId: string,
): Promise<CrisisResources> {
  const { stored } = await readStored(db, practiceId);
  const parsed = storedCrisisResourcesSchema.safeParse(stored.crisisResources);
  return parsed.success ? { ...parsed.data, verified: true } : DEFAULT_CRISIS_RESOURCES;
}

/** The contact agreement's starting point for this practice (texts, channels, hours, zone). */
export async function readContactDefaults(
  db: Executor,
  practiceId: string,
): Promise<ContactDefaults> {
  const { stored, timeZone } = await readStored(db, practiceId);
  const parsed = contactDefaultsSchema.safeParse(stored.agreementDefaults);
  return parsed.success ? parsed.data : { ...DEFAULT_CONTACT_SHAPE, timeZone };
}

/** The practice's crisis resources, for any signed-in member of it. */
export async function getCrisisResources(ctx: AccessContext): Promise<CrisisResources> {
  return readCrisisResources(ctx.services.db, signedIn(ctx).practiceId);
}

/**
 * A practice administrator sets the crisis resources after checking them for the practice's
 * locale; they then read as verified. Audited; the text is not client data.
 */
export async function updateCrisisResources(
  ctx: AccessContext,
  input: CrisisResourcesInput,
): Promise<CrisisResources> {
  const actor = signedIn(ctx);
  return inTransaction(ctx.services.db, async (tx) => {
    const { stored } = await readStored(tx, actor.practiceId);
    const version = String(ctx.services.now().getTime());
    const crisisResources = { ...input, version };
    await writePracticeContactSettings(tx, actor.practiceId, {
      ...stored,
      version: CONTACT_SETTINGS_VERSION,
      crisisResources,
    });
    await recordAudit(tx, ctx, {
      action: 'practice.crisis-resources.update',
      resourceType: 'practice',
      resourceId: actor.practiceId,
      outcome: 'success',
      detail: { version, lines: input.lines.length },
    });
    return { ...crisisResources, verified: true };
  });
}
