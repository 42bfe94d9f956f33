import type { InstrumentDefinition } from '@throughline/clinical';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { practiceInstruments } from './tables';

/** Version of the `practice_instruments.definition` envelope. */
export const DEFINITION_ENVELOPE_VERSION = 1;

export type PracticeInstrumentRow = typeof practiceInstruments.$inferSelect;

/** A stored definition: the clinical core's shape inside its versioned envelope. */
export function definitionOf(row: PracticeInstrumentRow): InstrumentDefinition {
  return row.definition.definition as InstrumentDefinition;
}

/** Every version of every instrument the practice imported, newest version first per key. */
export function listByPractice(db: Executor, practiceId: string): Promise<PracticeInstrumentRow[]> {
  return db
    .select()
    .from(practiceInstruments)
    .where(eq(practiceInstruments.practiceId, practiceId))
    .orderBy(practiceInstruments.key, desc(practiceInstruments.version));
}

/** The versions of one key, newest first. */
export function listVersions(
  db: Executor,
  practiceId: string,
  key: string,
): Promise<PracticeInstrumentRow[]> {
  return db
    .select()
    .from(practiceInstruments)
    .where(and(eq(practiceInstruments.practiceId, practiceId), eq(practiceInstruments.key, key)))
    .orderBy(desc(practiceInstruments.version));
}

export async function insertVersion(
  db: Executor,
  row: {
    practiceId: string;
    key: string;
    version: number;
    definition: InstrumentDefinition;
    createdBy: string;
  },
): Promise<PracticeInstrumentRow> {
  const [inserted] = await db
    .insert(practiceInstruments)
    .values({
      practiceId: row.practiceId,
      key: row.key,
      version: row.version,
      title: row.definition.title,
      definition: { v: DEFINITION_ENVELOPE_VERSION, definition: row.definition },
      createdBy: row.createdBy,
    })
    .returning();
  return inserted!;
}

/** Retires every live version of a key; returns how many were live. */
export async function retireKey(
  db: Executor,
  practiceId: string,
  key: string,
  at: Date,
): Promise<number> {
  const retired = await db
    .update(practiceInstruments)
    .set({ retiredAt: at })
    .where(
      and(
        eq(practiceInstruments.practiceId, practiceId),
        eq(practiceInstruments.key, key),
        isNull(practiceInstruments.retiredAt),
      ),
    )
    .returning({ id: practiceInstruments.id });
  return retired.length;
}
