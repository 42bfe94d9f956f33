import { randomUUID } from 'node:crypto';
import { riskLanguageAlert, screenRiskLanguageLists } from '@throughline/clinical';
import type { AccessContext } from '../access';
import { recordAudit } from '../audit';
import { readPracticeRiskLists } from '../risk-phrases';
import type { Executor } from '../shared/transaction';
import { alerts } from './tables';
import { sealAlertInputs } from './views';

/**
 * Screens a client's message (or a check-in's words) for risk language with the practice's lists (the shipped lists and
 * the practice's saved changes, `risk-phrases/`; packages/clinical `screenRiskLanguageLists`) and, on a
 * match, raises a `risk-language` alert in the caller's transaction: urgent for a phrase without a
 * negation before it, a warning when every phrase found was negated. Returns the level, so the
 * caller shows crisis resources on an urgent match. The message itself is not copied into the
 * alert: its inputs hold the matched phrase and the list version.
 */
export async function raiseRiskLanguageAlert(
  tx: Executor,
  ctx: AccessContext,
  message: { practiceId: string; episodeId: string; body: string } & (
    | { messageId: string }
    | { checkInId: string }
  ),
): Promise<{ level: 'urgent' | 'negated-only' | 'none'; alertId: string | null }> {
  const lists = await readPracticeRiskLists(tx, message.practiceId);
  const result = screenRiskLanguageLists(message.body, lists);
  const alert = riskLanguageAlert(result);
  if (!alert) return { level: result.level, alertId: null };
  const id = randomUUID();
  await tx.insert(alerts).values({
    practiceId: message.practiceId,
    id,
    episodeId: message.episodeId,
    responseId: null,
    kind: 'risk-language',
    severity: alert.severity,
    rule: alert.rule,
    ruleVersion: alert.version,
    inputs: await sealAlertInputs(tx, ctx.services.keyring, message.practiceId, id, {
      ...alert.inputs,
      ...('messageId' in message
        ? { messageId: message.messageId }
        : { checkInId: message.checkInId }),
    }),
    source: alert.source,
    createdAt: ctx.services.now(),
  });
  await recordAudit(tx, ctx, {
    action: 'alert.create',
    resourceType: 'alert',
    resourceId: id,
    outcome: 'success',
    detail: { kind: 'risk-language', severity: alert.severity, list: alert.version },
  });
  return { level: result.level, alertId: id };
}
