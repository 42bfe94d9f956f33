import { type ScoreResult, scoreAnswers } from '@throughline/clinical';
import type * as Contract from '@throughline/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type AccessContext, performOnRecord, type SignedIn } from '../access';
import { readCrisisResources } from '../contact-settings';
import { raiseRiskLanguageAlert, readMeasureSettings, storeScoredResponse } from '../measures';
import { AppError, type FieldIssue } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { deteriorationReasons } from './reasons';
import { type CheckInRow, hasLiveCheckInConsent, lockCheckIn } from './repository';
import { aftercareQueue, checkIns, type StoredAftercareReason } from './tables';
import { checkInWordsPurpose, toCheckInView } from './views';

export type AnswerCheckInInput = z.output<typeof Contract.answerCheckInRequest>;
export type AnsweredCheckIn = z.output<typeof Contract.answeredCheckInSchema>;

/** A check-in in the caller's practice; the kernel then admits only the client of its episode. */
export async function findOwnCheckIn(
  tx: Executor,
  actor: SignedIn,
  id: string,
): Promise<CheckInRow | undefined> {
  const [row] = await tx
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.practiceId, actor.practiceId), eq(checkIns.id, id)));
  return row;
}

const conflict = (message: string): AppError => new AppError('CONFLICT', message);

/** Why a check-in cannot take an answer (or a draft of one) now; undefined when it can. */
/**
 * The check-in locked for a write by its client (an answer or a draft), refused while it is not
 * open or once the client's check-in consent has ended (`consentEnded` says what was not kept).
 */
export async function lockOpenCheckIn(
  tx: Executor,
  found: CheckInRow,
  consentEnded: string,
): Promise<CheckInRow> {
  const row = (await lockCheckIn(tx, found.practiceId, found.id)) ?? found;
  const refused = refusalOf(row);
  if (refused) throw refused;
  if (!(await hasLiveCheckInConsent(tx, row.practiceId, row.clientId)))
    throw new AppError('CONSENT_ENDED', consentEnded);
  return row;
}

export function refusalOf(row: CheckInRow): AppError | undefined {
  switch (row.status) {
    case 'scheduled':
      return conflict('This check-in is not open yet; it opens on its day.');
    case 'answered':
      return conflict('This check-in has already been answered; nothing was changed.');
    case 'cancelled':
      return new AppError(
        'CONSENT_ENDED',
        'Check-ins were stopped (your consent to them was withdrawn); nothing was stored.',
      );
    default:
      return undefined;
  }
}

/** Scores each form strictly with the clinical core; one form per questionnaire asked. */
function scoreForms(row: CheckInRow, input: AnswerCheckInInput): ScoreResult[] {
  const asked = new Set(row.instruments);
  const given = input.forms.map((f) => f.instrument);
  const issues: FieldIssue[] = [];
  for (const key of row.instruments)
    if (!given.includes(key)) issues.push({ path: 'forms', message: `Answer the ${key} form.` });
  input.forms.forEach((f, i) => {
    if (!asked.has(f.instrument) || given.indexOf(f.instrument) !== i)
      issues.push({
        path: `forms[${i}].instrument`,
        message: `This check-in does not ask ${f.instrument} here.`,
      });
  });
  const results: ScoreResult[] = [];
  input.forms.forEach((f, i) => {
    if (!asked.has(f.instrument)) return;
    const outcome = scoreAnswers(f.instrument, f.answers);
    if (outcome.ok) results.push(outcome.result);
    else if (outcome.reason === 'invalid-answers')
      for (const issue of outcome.issues)
        issues.push({
          path: `forms[${i}].answers[${issue.item - 1}]`,
          message: `Item ${issue.item} ${issue.message}.`,
        });
    else issues.push({ path: `forms[${i}]`, message: 'These answers cannot be scored.' });
  });
  const first = issues[0];
  if (first) throw new AppError('VALIDATION_FAILED', first.message, issues);
  return results;
}

/**
 * The client answers a check-in in the portal: each questionnaire is stored as an ordinary scored
 * response of the aftercare episode (its alerts raised by the same rules), "How are things?" is
 * encrypted and screened for risk language, and a reliable worsening against the ending scores, a
 * positive risk item or risk language, or a wish to talk again puts the client in the therapist's
 * aftercare queue — one transaction. After the consent was withdrawn (the check-in cancelled, or
 * no live consent) it is refused (409) and nothing is stored. Crisis resources come back at once
 * on a risk.
 */
export async function answerCheckIn(
  ctx: AccessContext,
  checkInId: string,
  input: AnswerCheckInInput,
): Promise<AnsweredCheckIn> {
  const target = {
    resourceType: 'check-in',
    resourceId: checkInId,
    what: 'check-in',
    find: (tx: Executor, actor: SignedIn) => findOwnCheckIn(tx, actor, checkInId),
  };
  return performOnRecord(ctx, 'check-in.answer', target, async (tx, found, step) => {
    const row = await lockOpenCheckIn(
      tx,
      found,
      'Your consent to check-ins has ended, so this answer was not stored. Sign the check-in consent again in your portal to take part.',
    );
    const results = scoreForms(row, input);
    const now = ctx.services.now();
    const settings = await readMeasureSettings(tx, row.practiceId);
    const stored = [];
    for (const [i, result] of results.entries()) {
      const answers = input.forms.find((f) => f.instrument === result.instrument)?.answers ?? [];
      stored.push(
        await storeScoredResponse(tx, ctx, step, {
          input: { episodeId: row.episodeId, answers, completedAt: new Date(now.getTime() + i) },
          result,
          settings,
        }),
      );
    }
    const words = input.howAreThings.trim();
    const language = words
      ? await raiseRiskLanguageAlert(tx, ctx, {
          practiceId: row.practiceId,
          episodeId: row.episodeId,
          checkInId: row.id,
          body: words,
        })
      : { level: 'none' as const };
    const reasons: StoredAftercareReason[] = await deteriorationReasons(tx, row, results, settings);
    if (results.some((r) => r.flags.includes('risk-item')))
      reasons.push({ kind: 'risk', source: 'risk-item' });
    if (language.level === 'urgent') reasons.push({ kind: 'risk', source: 'risk-language' });
    if (input.wantsToTalk) reasons.push({ kind: 'reconnect' });
    const [updated] = await tx
      .update(checkIns)
      .set({
        status: 'answered',
        answeredAt: now,
        responseIds: stored.map((s) => s.row.id),
        words: words
          ? await ctx.services.keyring.encrypt(
              tx,
              row.practiceId,
              words,
              checkInWordsPurpose(row.id),
            )
          : null,
        wantsToTalk: input.wantsToTalk,
        draft: null,
      })
      .where(and(eq(checkIns.practiceId, row.practiceId), eq(checkIns.id, row.id)))
      .returning();
    if (!updated) throw new Error('check-in vanished while being answered');
    if (reasons.length > 0)
      await tx.insert(aftercareQueue).values({
        practiceId: row.practiceId,
        episodeId: row.episodeId,
        checkInId: row.id,
        reasons,
        createdAt: now,
      });
    const risk = reasons.some((r) => r.kind === 'risk');
    step.audit({
      resourceType: 'check-in',
      resourceId: row.id,
      detail: { responses: stored.length, queued: reasons.map((r) => r.kind).join(',') || null },
    });
    return {
      checkIn: toCheckInView(updated),
      crisisResources: risk ? await readCrisisResources(tx, row.practiceId) : null,
    };
  });
}
