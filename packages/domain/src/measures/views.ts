import { findInstrument } from '@throughline/clinical';
import type { Alert, ScoredResponse } from '@throughline/contracts';
import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import type { alerts, responses } from './tables';

export type ResponseRow = typeof responses.$inferSelect;
export type AlertRow = typeof alerts.$inferSelect;
export type AlertKind = AlertRow['kind'];

/** A stored response as the API shows it: the score, never the answers. */
/** The stored response; the API answers it without `episodeId` (the contract's ScoredResponse). */
export type ResponseView = ScoredResponse & { episodeId: string };

export type AlertView = Alert;

/** Version of the `result` jsonb written with each response. */
export const RESULT_VERSION = 1;

export const answersPurpose = (responseId: string): string => `response.answers:${responseId}`;
export const acknowledgementPurpose = (alertId: string): string => `alert.note:${alertId}`;
/** A risk item's inputs hold the item's text and the client's answer: sealed like the answers. */
export const alertInputsPurpose = (alertId: string): string => `alert.inputs:${alertId}`;

/** Seals an alert's inputs for the `inputs` column. */
export function sealAlertInputs(
  db: Executor,
  keyring: Keyring,
  practiceId: string,
  alertId: string,
  inputs: Record<string, unknown>,
): Promise<string> {
  return keyring.encrypt(db, practiceId, JSON.stringify(inputs), alertInputsPurpose(alertId));
}

export function sessionNumberOf(row: ResponseRow): number {
  const n = row.result.sessionNumber;
  return typeof n === 'number' ? n : 0;
}

export function toResponseView(row: ResponseRow): ResponseView {
  return {
    id: row.id,
    episodeId: row.episodeId,
    instrument: row.instrument,
    instrumentVersion: row.instrumentVersion,
    total: row.total,
    band: row.band,
    flags: row.flags,
    subscales: row.subscales,
    ...(row.percentage === null ? {} : { percentage: row.percentage }),
    completedAt: row.completedAt,
    sessionNumber: sessionNumberOf(row),
    onBehalf: row.onBehalf,
  };
}

/** A practice instrument's alert carries its title (clinical change rules); a shipped one's is looked up. */
const title = (key: unknown, own?: unknown): string =>
  (typeof own === 'string' && own) ||
  (typeof key === 'string' && findInstrument(key)?.title) ||
  'A questionnaire';
const signed = (n: unknown): string => (typeof n === 'number' && n > 0 ? `+${n}` : String(n));
const round = (n: unknown): string =>
  typeof n === 'number' ? String(Math.round(n * 10) / 10) : String(n);

/** PCL-5's reliable-change value is the practice's choice within the published 5–10 (§2). */
const rcNote = (i: Record<string, unknown>): string =>
  i.instrument === 'pcl-5'
    ? " (the practice's setting; National Center for PTSD guidance gives 5–10 points)"
    : '';

/** The plain sentence shown with an alert ("why am I seeing this?", CLINICAL.md). */
export function explainAlert(rule: string, i: Record<string, unknown>): string {
  switch (rule) {
    case 'risk-item':
      return `${title(i.instrument, i.title)} item ${i.item} was answered ${i.answer} (above 0)${i.form === 'incomplete' ? ' on a form that was not complete or not valid, so it was not scored' : ''}: a positive risk item needs assessment by someone competent to assess suicide risk.`;
    case 'reliable-deterioration':
      return `${title(i.instrument, i.title)} rose from ${i.first} at the first score to ${i.current} (${signed(i.change)}), a worsening of at least the reliable-change value of ${i.reliableChange}${rcNote(i)}.`;
    case 'not-on-track-session-4':
      return `At session ${i.session}, ${title(i.instrument, i.title)} is ${i.current} (first ${i.first}): an improvement of ${i.improvement}, less than the reliable-change value of ${i.reliableChange}${rcNote(i)}, and still above the clinical cut-off.`;
    case 'not-on-track-session-8':
      return `At session ${i.session}, ${title(i.instrument, i.title)} is ${i.current} (first ${i.first}): still above the clinical cut-off and an improvement of ${i.improvement}, under half the reliable-change value of ${i.reliableChange}${rcNote(i)}.`;
    case 'alliance-drop':
      return i.reason === 'below-running-mean'
        ? `Session feedback was ${i.current}/40, at least 20% below the client's running mean of ${round(i.runningMean)}.`
        : `Session feedback was ${i.current}/40, below ${i.floor}/40.`;
    case 'risk-language':
      return i.negated
        ? `A message from the client mentioned "${i.phrase}" with a negation before it (e.g. "not", "never"): the screen does not treat it as urgent, but it is worth a look.`
        : `A message from the client contained "${i.phrase}", a phrase on the risk-language list (${i.list}): it needs assessment by someone competent to assess suicide risk.`;
    default:
      return `Rule ${rule} fired.`;
  }
}

/** The API's view of a stored alert, its inputs opened with the practice key. */
export async function openAlert(db: Executor, keyring: Keyring, row: AlertRow): Promise<AlertView> {
  const inputs: Record<string, unknown> = JSON.parse(
    await keyring.decrypt(db, row.practiceId, row.inputs, alertInputsPurpose(row.id)),
  );
  return toAlertView(row, inputs);
}

/** Every alert of a list, in order. */
export function openAlerts(
  db: Executor,
  keyring: Keyring,
  rows: readonly AlertRow[],
): Promise<AlertView[]> {
  return Promise.all(rows.map((row) => openAlert(db, keyring, row)));
}

export function toAlertView(row: AlertRow, inputs: Record<string, unknown>): AlertView {
  return {
    id: row.id,
    episodeId: row.episodeId,
    responseId: row.responseId,
    kind: row.kind,
    severity: row.severity,
    rule: row.rule,
    ruleVersion: row.ruleVersion,
    inputs,
    source: row.source,
    explanation: explainAlert(row.rule, inputs),
    createdAt: row.createdAt,
    acknowledgedAt: row.acknowledgedAt,
  };
}
