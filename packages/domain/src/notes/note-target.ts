import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { appointmentInEpisode } from './repository';

/**
 * A note may point only at a session of its own episode. The episode itself (visible, in a phase
 * that allows writing) is the kernel's to check (`performOnEpisode`).
 */
export async function assertNoteAppointment(
  tx: Executor,
  practiceId: string,
  episodeId: string,
  appointmentId: string | undefined,
): Promise<void> {
  if (appointmentId && !(await appointmentInEpisode(tx, practiceId, episodeId, appointmentId))) {
    throw new AppError('VALIDATION_FAILED', 'That appointment is not in this episode.', [
      { path: 'appointmentId', message: 'Not an appointment of this episode.' },
    ]);
  }
}
