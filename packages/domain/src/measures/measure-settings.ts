import { INSTRUMENTS, PCL_5 } from '@throughline/clinical';
import { eq } from 'drizzle-orm';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { practices } from '../identity/tables';
import { inTransaction } from '../shared/transaction';
import {
  applyMeasureSettings,
  type MeasureSettings,
  type MeasureSettingsChanges,
  readMeasureSettings,
  type StoredMeasureSettings,
  storedSettings,
} from './practice-settings';

export type MeasureSettingsView = StoredMeasureSettings & {
  /** Every shipped instrument, so a settings screen can list the ones switched off too. */
  instruments: { key: string; title: string; enabled: boolean; license: string }[];
  pcl5ReliableChangeRange: { min: number; max: number };
};

function toView(settings: MeasureSettings): MeasureSettingsView {
  return {
    ...storedSettings(settings),
    instruments: INSTRUMENTS.map((d) => ({
      key: d.key,
      title: d.title,
      enabled: settings.enabledInstruments.includes(d.key),
      license: d.license,
    })),
    pcl5ReliableChangeRange: {
      min: PCL_5.reliableChange?.configurable?.min ?? 5,
      max: PCL_5.reliableChange?.configurable?.max ?? 10,
    },
  };
}

/** The practice's measurement settings (any clinician or administrator of the practice). */
export async function getMeasureSettings(ctx: AccessContext): Promise<MeasureSettingsView> {
  const actor = signedIn(ctx);
  return toView(await readMeasureSettings(ctx.services.db, actor.practiceId));
}

/** Changes the practice's measurement settings (practice administrators; audited). */
export async function updateMeasureSettings(
  ctx: AccessContext,
  changes: MeasureSettingsChanges,
): Promise<MeasureSettingsView> {
  const actor = signedIn(ctx);
  return inTransaction(ctx.services.db, async (tx) => {
    const current = await readMeasureSettings(tx, actor.practiceId);
    const next = applyMeasureSettings(current, changes);
    await tx
      .update(practices)
      .set({ measureSettings: storedSettings(next) })
      .where(eq(practices.id, actor.practiceId));
    await recordAudit(tx, ctx, {
      action: 'practice.measure-settings.update',
      resourceType: 'practice',
      resourceId: actor.practiceId,
      outcome: 'success',
      detail: {
        fields: Object.keys(changes).join(','),
        disabled: current.enabledInstruments
          .filter((k) => !next.enabledInstruments.includes(k))
          .join(','),
        enabled: next.enabledInstruments
          .filter((k) => !current.enabledInstruments.includes(k))
          .join(','),
        pcl5ReliableChange: next.pcl5ReliableChange,
      },
    });
    return toView(next);
  });
}
