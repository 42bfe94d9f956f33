import { RECORD_RELEASE_VALID_DAYS } from '@throughline/contracts';
import { DateTime } from 'luxon';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { findLatestRequest, findPracticeCopySetting, type RecordRequestRow } from './repository';

export type CopyRelease =
  | { released: true; request: RecordRequestRow | null }
  | { released: false; refusal: AppError; request: RecordRequestRow | null };

const day = (at: Date, zone: string): string =>
  DateTime.fromJSDate(at, { zone }).setLocale('en-GB').toFormat('d LLLL yyyy');

/** Until when a released copy stays downloadable. */
export function releasedUntil(row: RecordRequestRow): Date | null {
  if (row.status !== 'released' || !row.decidedAt) return null;
  return DateTime.fromJSDate(row.decidedAt).plus({ days: RECORD_RELEASE_VALID_DAYS }).toJSDate();
}

/**
 * The one rule for "may this client download a copy of their record now" (issue 12; HIPAA
 * 164.524): every download of the copy — the PDF and the FHIR file — asks it.
 *
 * - The practice does not review copies first: yes, at once.
 * - It does: yes while the client's latest request is released (for 30 days after the release);
 *   otherwise 409 `COPY_NOT_RELEASED` telling the client where their request stands (none yet,
 *   waiting with its due-by date, refused with the therapist's reason, or the release has lapsed).
 *
 * `openReason` opens a refusal's sealed reason (the caller holds the keyring).
 */
export async function clientCopyReleased(
  tx: Executor,
  client: { practiceId: string; id: string },
  now: Date,
  openReason: (row: RecordRequestRow) => Promise<string>,
): Promise<CopyRelease> {
  const practice = await findPracticeCopySetting(tx, client.practiceId);
  const request = (await findLatestRequest(tx, client.practiceId, client.id)) ?? null;
  if (!practice?.copyReviewRequired) return { released: true, request };
  const zone = practice.timeZone;
  const refuse = (message: string): CopyRelease => ({
    released: false,
    refusal: new AppError('COPY_NOT_RELEASED', message),
    request,
  });
  if (!request)
    return refuse(
      `${practice.name} reviews a copy of your record before it is released. Ask for your copy on the "Your record" page; your therapist answers within 30 days.`,
    );
  switch (request.status) {
    case 'pending':
      return refuse(
        `Your therapist is reviewing your copy. You asked on ${day(request.requestedAt, zone)}; you will have an answer by ${day(request.dueBy, zone)}.`,
      );
    case 'refused':
      return refuse(
        `Your request of ${day(request.requestedAt, zone)} was not granted: ${await openReason(request)} You can ask again on the "Your record" page.`,
      );
    default: {
      const until = releasedUntil(request);
      if (until && until > now) return { released: true, request };
      return refuse(
        'The copy released to you has expired (a copy stays available for 30 days). Ask again on the "Your record" page.',
      );
    }
  }
}
