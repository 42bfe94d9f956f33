import { findInstrument, INSTRUMENTS, type InstrumentDefinition } from '@throughline/clinical';
import type { Executor } from '../shared/transaction';
import { definitionOf, listByPractice, type PracticeInstrumentRow } from './repository';

/**
 * The instruments one practice can use: the shipped ones and the practice's own (imported from a
 * FHIR Questionnaire). This is the ONE place an instrument key is resolved to a definition
 * (docs/measures.md, "Custom instruments"); measurement plans, portal forms, scoring, charts and
 * the brief all ask it, so a practice instrument works wherever a shipped one does.
 */
export type InstrumentCatalogue = {
  /** The definition for a key — for a practice instrument its newest version, or the one named. */
  find(key: string, version?: string): InstrumentDefinition | undefined;
  /** As `find`; throws for an unknown key (a stored key always resolves: versions are kept). */
  get(key: string, version?: string): InstrumentDefinition;
  /** Practice instruments that are not retired: they may be planned, sent and scored. */
  activeKeys: readonly string[];
  /** Every definition a practice member may choose from, shipped ones first. */
  choices(): InstrumentDefinition[];
};

/** The shipped instruments only (a practice that imported none; pure tests). */
export const SHIPPED_CATALOGUE: InstrumentCatalogue = catalogueOf([]);

export function catalogueOf(rows: readonly PracticeInstrumentRow[]): InstrumentCatalogue {
  // Rows come newest version first per key, so the first row of a key is its current version.
  const versions = new Map<string, InstrumentDefinition[]>();
  const active: string[] = [];
  for (const row of rows) {
    const list = versions.get(row.key) ?? [];
    list.push(definitionOf(row));
    versions.set(row.key, list);
    if (row.retiredAt === null && !active.includes(row.key)) active.push(row.key);
  }
  const find = (key: string, version?: string): InstrumentDefinition | undefined => {
    const own = versions.get(key);
    if (!own) return findInstrument(key);
    return version === undefined ? own[0] : (own.find((d) => d.version === version) ?? own[0]);
  };
  return {
    find,
    get: (key, version) => {
      const found = find(key, version);
      if (!found) throw new Error(`Unknown instrument "${key}".`);
      return found;
    },
    activeKeys: active,
    choices: () => [...INSTRUMENTS, ...active.map((k) => versions.get(k)![0]!)],
  };
}

/** The practice's catalogue, read in the caller's transaction. */
export async function readCatalogue(
  db: Executor,
  practiceId: string,
): Promise<InstrumentCatalogue> {
  return catalogueOf(await listByPractice(db, practiceId));
}
