import { type ScoreResult, scoreAnswers } from '@throughline/clinical';
import { type AccessContext, signedIn } from '../access';
import { readCrisisResources } from '../contact-settings';
import { AppError } from '../shared/errors';
import { disabledError, readMeasureSettings } from './practice-settings';
import { withRisk } from './risk-alerts';

/**
 * Stateless scoring (CLINICAL.md §6) for the caller's practice: nothing is stored. An instrument
 * the practice switched off is refused (409); invalid answers are refused naming the item (400),
 * and when a risk item on them was answered above 0 the refusal names the flag and carries crisis
 * resources (CLINICAL.md §1). No alert is raised: there is no client or episode to raise it for.
 */
export async function scoreInstrument(
  ctx: AccessContext,
  key: string,
  answers: readonly (number | null)[],
): Promise<ScoreResult> {
  const actor = signedIn(ctx);
  const settings = await readMeasureSettings(ctx.services.db, actor.practiceId);
  const outcome = scoreAnswers(settings.catalogue.find(key) ?? key, answers);
  if (!outcome.ok && outcome.reason === 'unknown-instrument')
    throw new AppError('NOT_FOUND', `No instrument "${key}" is available.`);
  const flags = outcome.ok ? [] : outcome.reason === 'invalid-answers' ? outcome.flags : [];
  const crisis =
    flags.length > 0 ? await readCrisisResources(ctx.services.db, actor.practiceId) : null;
  const risky = (error: AppError): AppError =>
    crisis ? withRisk(error, flags, false, crisis) : error;
  if (!settings.enabledInstruments.includes(key))
    throw risky(disabledError(key, settings.catalogue));
  if (outcome.ok) return outcome.result;
  if (outcome.reason === 'invalid-options')
    throw new AppError('VALIDATION_FAILED', outcome.message);
  const issues = outcome.issues.map((i) => ({
    path: `answers[${i.item - 1}]`,
    message: `Item ${i.item} ${i.message}.`,
  }));
  throw risky(
    new AppError('VALIDATION_FAILED', issues[0]?.message ?? 'The answers are not valid.', issues),
  );
}
