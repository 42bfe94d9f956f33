import {
  ENDING_KIND_LABELS,
  type Ending,
  type EndingDetails,
  type EndingKind,
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
  return JSON.parse(json) as StoredDetails;
}

const list = (items: readonly { to: string }[]): string => items.map((r) => r.to).join(', ');

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
