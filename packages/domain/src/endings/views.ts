import {
  ENDING_KIND_LABELS,
  type Ending,
  type EndingDetails,
  type EndingKind,
  type Referral,
} from '@throughline/contracts';
import type { Keyring } from '../crypto';
import { type EndingRow, endingDetailsPurpose, endingReasonPurpose } from '../episodes';
import { findDisplayNames } from '../identity';
import type { Executor } from '../shared/transaction';

/** The stored details of an ending: the form of its kind, versioned. */
export type StoredDetails = (EndingDetails | { kind: EndingKind; erased: true }) & { v: 1 };

export async function openDetails(
  db: Executor,
  keyring: Keyring,
  row: EndingRow,
): Promise<StoredDetails> {
  const json = await keyring.decrypt(db, row.practiceId, row.details, endingDetailsPurpose(row.id));
  return readDetails(JSON.parse(json));
}

/** A referral as an older ending may hold it: a bare name, or a name without a reason. */
type StoredReferral = string | { to: string; reason?: string };
const referral = (r: StoredReferral): Referral =>
  typeof r === 'string' ? { to: r, reason: '' } : { to: r.to, reason: r.reason ?? '' };
const referrals = (items: unknown): Referral[] =>
  Array.isArray(items) ? (items as StoredReferral[]).map(referral) : [];

/**
 * The stored details in today's shape. Endings recorded before referrals had reasons (or with
 * plain names) still read: each referral becomes `{ to, reason }`, the reason empty.
 */
export function readDetails(stored: unknown): StoredDetails {
  const details = stored as StoredDetails & {
    referrals?: unknown;
    closureLetter?: { referrals?: unknown };
  };
  if ('erased' in details) return details;
  return {
    ...details,
    ...('referrals' in details ? { referrals: referrals(details.referrals) } : {}),
    ...(details.closureLetter
      ? {
          closureLetter: {
            ...details.closureLetter,
            referrals: referrals(details.closureLetter.referrals),
          },
        }
      : {}),
  } as StoredDetails;
}

/** Referrals in one line of plain words: "Community clinic (for longer-term CBT), Peer group". */
const list = (items: readonly Referral[]): string =>
  items
    .map((r) => {
      const why = r.reason.replace(/[\s.]+$/, '');
      return why ? `${r.to} (${why})` : r.to;
    })
    .join(', ');

/** One sentence in plain words: what happened and what was offered. */
export function summarize(details: StoredDetails, responsibleName: string | null): string {
  if ('erased' in details) return 'The record was destroyed under the retention policy.';
  switch (details.kind) {
    case 'planned':
      return 'Ended as planned, by the plan both agreed; aftercare follows.';
    case 'therapist-initiated': {
      const offered = details.precludedBecause
        ? `Pretermination contact was not possible: ${details.precludedBecause}`
        : `Pretermination contact on ${details.preterminationOn}; referred to ${list(details.referrals)}.`;
      return `Ended by the therapist. ${offered}`;
    }
    case 'client-withdrawal':
      return `The client withdrew. ${details.outreach.length} attempt${details.outreach.length === 1 ? '' : 's'} to reach them; a closure letter was sent to their portal.`;
    case 'transfer':
      return `Care moved to ${details.transferTo}, with a handover summary.`;
    case 'death-or-incapacity':
      return details.of === 'therapist'
        ? `Ended by the therapist's death or incapacity; ${responsibleName ?? 'the cover designee'} is responsible for the record.`
        : "Ended by the client's death or incapacity.";
    case 'not-started':
      return details.referrals.length > 0
        ? `Closed at intake without therapy; referred to ${list(details.referrals)}.`
        : 'Closed at intake without therapy.';
  }
}

export async function toEnding(
  db: Executor,
  keyring: Keyring,
  row: EndingRow,
  retainUntil: string | null,
): Promise<Ending> {
  const details = await openDetails(db, keyring, row);
  const reason = await keyring.decrypt(db, row.practiceId, row.reason, endingReasonPurpose(row.id));
  const ids = [row.recordedBy, ...(row.responsibleId ? [row.responsibleId] : [])];
  const names = await findDisplayNames(db, row.practiceId, ids);
  const responsibleName = row.responsibleId ? (names.get(row.responsibleId) ?? '') : null;
  const { v: _, ...form } = details;
  const kind = row.kind as EndingKind;
  return {
    id: row.id,
    episodeId: row.episodeId,
    kind,
    kindLabel: ENDING_KIND_LABELS[kind],
    reason,
    summary: summarize(details, responsibleName),
    details: form,
    recordedBy: { id: row.recordedBy, displayName: names.get(row.recordedBy) ?? '' },
    recordedAt: row.recordedAt,
    responsible:
      row.responsibleId && responsibleName !== null
        ? { id: row.responsibleId, displayName: responsibleName }
        : null,
    retainUntil,
  };
}
