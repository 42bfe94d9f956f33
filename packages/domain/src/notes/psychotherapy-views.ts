import type { AccessContext } from '../access/actor';
import type { Executor } from '../shared/transaction';
import { detectExcludedContent, type ExcludedContentWarning } from './excluded-content';
import type { PsychotherapyNoteRow } from './repository';
import { psychotherapyPurpose } from './views';

/** HIPAA 164.501 puts no length on them; the limit keeps one request and one row bounded. */
export const PSYCHOTHERAPY_NOTE_MAX = 50_000;

export type PsychotherapyNoteView = {
  id: string;
  episodeId: string;
  appointmentId: string | null;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  warnings: ExcludedContentWarning[];
};

export async function toPsychotherapyNoteView(
  tx: Executor,
  ctx: AccessContext,
  row: PsychotherapyNoteRow,
): Promise<PsychotherapyNoteView> {
  const body = await ctx.services.keyring.decrypt(
    tx,
    row.practiceId,
    row.body,
    psychotherapyPurpose(row.id),
    'psychotherapy',
  );
  return {
    id: row.id,
    episodeId: row.episodeId,
    appointmentId: row.appointmentId,
    body,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    warnings: detectExcludedContent(body),
  };
}
