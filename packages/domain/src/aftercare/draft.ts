import { answerRange, getInstrument } from '@throughline/clinical';
import type * as Contract from '@throughline/contracts';
import { and, eq } from 'drizzle-orm';
import { type AccessContext, performOnRecord, type SignedIn } from '../access';
import type { Keyring } from '../crypto';
import { AppError, type FieldIssue } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { findOwnCheckIn, lockOpenCheckIn } from './answer';
import type { CheckInRow } from './repository';
import { checkIns } from './tables';

export type CheckInDraft = Contract.CheckInDraft;

/** Encryption purpose of a check-in's unsent answers. */
export const checkInDraftPurpose = (checkInId: string): string => `check-in.draft:${checkInId}`;

/** The draft as stored: versioned JSON (STYLE.md: stored JSON has a version field). */
type StoredDraft = CheckInDraft & { v: 1 };

/** Each form one the check-in asks, once; each answer empty or a value its item accepts. */
function draftRefusal(row: CheckInRow, draft: CheckInDraft): AppError | undefined {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  draft.forms.forEach((form, i) => {
    if (!row.instruments.includes(form.instrument) || seen.has(form.instrument)) {
      issues.push({
        path: `forms[${i}].instrument`,
        message: `This check-in does not ask ${form.instrument} here.`,
      });
      return;
    }
    seen.add(form.instrument);
    const definition = getInstrument(form.instrument);
    const { min, max } = answerRange(definition);
    if (form.answers.length !== definition.items.length)
      issues.push({
        path: `forms[${i}].answers`,
        message: `${definition.title} has ${definition.items.length} items; send one entry for each (null where not yet answered).`,
      });
    form.answers.forEach((value, j) => {
      if (value !== null && (!Number.isInteger(value) || value < min || value > max))
        issues.push({
          path: `forms[${i}].answers[${j}]`,
          message: `Item ${j + 1} must be ${min}–${max}.`,
        });
    });
  });
  const first = issues[0];
  return first ? new AppError('VALIDATION_FAILED', first.message, issues) : undefined;
}

/**
 * The client saves their check-in as they fill it in (the form's autosave, as for questionnaires),
 * encrypted, to finish later; it is given back with the check-in and cleared when it is answered
 * or cancelled. Refused like an answer: not open yet, already answered, or the consent withdrawn
 * (409, nothing stored). A draft is not an answer: nothing is scored, screened or queued until
 * the client sends it.
 */
export async function saveCheckInDraft(
  ctx: AccessContext,
  checkInId: string,
  draft: CheckInDraft,
): Promise<Contract.SavedCheckInDraft> {
  const target = {
    resourceType: 'check-in',
    resourceId: checkInId,
    what: 'check-in',
    find: (tx: Executor, actor: SignedIn) => findOwnCheckIn(tx, actor, checkInId),
  };
  return performOnRecord(ctx, 'check-in.save', target, async (tx, found, step) => {
    const row = await lockOpenCheckIn(
      tx,
      found,
      'Your consent to check-ins has ended, so your answers were not saved.',
    );
    const invalid = draftRefusal(row, draft);
    if (invalid) throw invalid;
    const stored: StoredDraft = { v: 1, ...draft };
    await tx
      .update(checkIns)
      .set({
        draft: await ctx.services.keyring.encrypt(
          tx,
          row.practiceId,
          JSON.stringify(stored),
          checkInDraftPurpose(row.id),
        ),
      })
      .where(and(eq(checkIns.practiceId, row.practiceId), eq(checkIns.id, row.id)));
    step.audit({
      resourceType: 'check-in',
      resourceId: row.id,
      detail: {
        draft: true,
        answered: draft.forms.reduce((n, f) => n + f.answers.filter((a) => a !== null).length, 0),
        words: draft.howAreThings.trim() !== '',
      },
    });
    return { id: row.id, draft, savedAt: ctx.services.now() };
  });
}

/** The saved draft of a check-in, or null (none saved, or the row holds none any more). */
export async function openCheckInDraft(
  db: Executor,
  keyring: Keyring,
  row: CheckInRow,
): Promise<CheckInDraft | null> {
  if (!row.draft) return null;
  const { v: _, ...draft } = JSON.parse(
    await keyring.decrypt(db, row.practiceId, row.draft, checkInDraftPurpose(row.id)),
  ) as StoredDraft;
  return draft;
}
