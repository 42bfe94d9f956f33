import type { PsychotherapyNote } from '@throughline/contracts';
import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import { detectExcludedContent } from './excluded-content';
import type { PsychotherapyNoteRow } from './repository';
import { psychotherapyPurpose } from './views';

export { PSYCHOTHERAPY_NOTE_MAX } from '@throughline/contracts';

export type PsychotherapyNoteView = PsychotherapyNote;

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
