import { findInstrument, INSTRUMENTS, PCL_5 } from '@throughline/clinical';
import { eq } from 'drizzle-orm';
import { practices } from '../identity/tables';
import { type InstrumentCatalogue, readCatalogue, SHIPPED_CATALOGUE } from '../instruments';
import { AppError, type FieldIssue } from '../shared/errors';
import type { Executor } from '../shared/transaction';

/** Version of the `practices.measure_settings` JSON. */
export const MEASURE_SETTINGS_VERSION = 1;

/**
 * A practice's measurement settings (issue 7, items 19 and 21):
 * - `enabledInstruments`: the instruments its clinicians may plan and score. A practice that may
 *   not use an instrument under its licence (CORE-10 and the 2024 WHO-5 are non-commercial, see
 *   docs/measures.md) switches it off; existing responses stay readable.
 * - `pcl5ReliableChange`: the PCL-5 reliable-change value, 5–10 points (National Center for PTSD
 *   guidance gives 5–10 as reliable), default 10.
 */
export type MeasureSettings = {
  version: number;
  /** Shipped instruments switched on, then the practice's own instruments not retired. */
  enabledInstruments: string[];
  pcl5ReliableChange: number;
  /**
   * Not stored with the settings: the practice's instruments (shipped and its own), read with
   * them so every rule that reads the settings resolves a key the same way (instruments/catalogue).
   */
  catalogue: InstrumentCatalogue;
};

/** What is stored in `practices.measure_settings` (the catalogue lives in its own table). */
export type StoredMeasureSettings = Omit<MeasureSettings, 'catalogue'>;

export function storedSettings(settings: MeasureSettings): StoredMeasureSettings {
  return {
    version: settings.version,
    // A practice instrument is switched off by retiring it, so only shipped keys are stored.
    enabledInstruments: settings.enabledInstruments.filter((k) => findInstrument(k) !== undefined),
    pcl5ReliableChange: settings.pcl5ReliableChange,
  };
}

const RANGE = PCL_5.reliableChange?.configurable ?? { min: 5, max: 10 };

export function defaultMeasureSettings(): MeasureSettings {
  return {
    version: MEASURE_SETTINGS_VERSION,
    enabledInstruments: INSTRUMENTS.map((d) => d.key),
    pcl5ReliableChange: PCL_5.reliableChange?.value ?? 10,
    catalogue: SHIPPED_CATALOGUE,
  };
}

/** Reads the stored JSON; anything missing or unreadable falls back to the shipped default. */
function parse(
  stored: Record<string, unknown> | null | undefined,
  catalogue: InstrumentCatalogue,
): MeasureSettings {
  const settings = { ...defaultMeasureSettings(), catalogue };
  settings.enabledInstruments = [...settings.enabledInstruments, ...catalogue.activeKeys];
  if (!stored) return settings;
  const enabled = stored.enabledInstruments;
  if (Array.isArray(enabled))
    settings.enabledInstruments = [
      ...enabled.filter(
        (k): k is string => typeof k === 'string' && findInstrument(k) !== undefined,
      ),
      ...catalogue.activeKeys,
    ];
  const rc = stored.pcl5ReliableChange;
  if (typeof rc === 'number' && Number.isInteger(rc) && rc >= RANGE.min && rc <= RANGE.max)
    settings.pcl5ReliableChange = rc;
  return settings;
}

export async function readMeasureSettings(
  db: Executor,
  practiceId: string,
): Promise<MeasureSettings> {
  const [row] = await db
    .select({ settings: practices.measureSettings })
    .from(practices)
    .where(eq(practices.id, practiceId));
  return parse(row?.settings, await readCatalogue(db, practiceId));
}

export type MeasureSettingsChanges = {
  enabledInstruments?: string[] | undefined;
  pcl5ReliableChange?: number | undefined;
};

/** Validates changes and gives the settings to store. */
export function applyMeasureSettings(
  current: MeasureSettings,
  changes: MeasureSettingsChanges,
): MeasureSettings {
  const issues: FieldIssue[] = [];
  const next: MeasureSettings = { ...current, version: MEASURE_SETTINGS_VERSION };
  if (changes.enabledInstruments !== undefined) {
    changes.enabledInstruments.forEach((key, i) => {
      if (!current.catalogue.find(key))
        issues.push({
          path: `enabledInstruments.${i}`,
          message: `No instrument "${key}" is available.`,
        });
    });
    next.enabledInstruments = [...new Set(changes.enabledInstruments)];
  }
  if (changes.pcl5ReliableChange !== undefined) {
    const rc = changes.pcl5ReliableChange;
    if (!Number.isInteger(rc) || rc < RANGE.min || rc > RANGE.max)
      issues.push({
        path: 'pcl5ReliableChange',
        message: `The PCL-5 reliable-change value must be a whole number of points from ${RANGE.min} to ${RANGE.max} (National Center for PTSD guidance).`,
      });
    next.pcl5ReliableChange = rc;
  }
  if (issues.length > 0)
    throw new AppError('VALIDATION_FAILED', issues[0]?.message ?? 'Not valid.', issues);
  return next;
}

/** Options for the clinical core's change rules that follow the practice's settings. */
export function changeOptions(
  settings: MeasureSettings,
  instrument: string,
): { reliableChange?: number } {
  return instrument === PCL_5.key ? { reliableChange: settings.pcl5ReliableChange } : {};
}

/** The refusal of planning or scoring an instrument the practice has switched off (409). */
export function disabledError(instrument: string, catalogue?: InstrumentCatalogue): AppError {
  const definition = (catalogue ?? SHIPPED_CATALOGUE).find(instrument);
  if (definition?.origin)
    return new AppError(
      'CONFLICT',
      `${definition.title} has been retired by the practice, so it cannot be planned or scored. Responses already recorded stay readable.`,
    );
  const title = definition?.title ?? 'That questionnaire';
  return new AppError(
    'CONFLICT',
    `${title} is switched off for this practice, so it cannot be planned or scored. A practice administrator can switch it on in the measurement settings; responses already recorded stay readable.`,
  );
}

export function requireEnabled(settings: MeasureSettings, instrument: string): void {
  if (!settings.enabledInstruments.includes(instrument))
    throw disabledError(instrument, settings.catalogue);
}
