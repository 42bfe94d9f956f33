// Check-ins after the ending and the aftercare queue (issue 11).
export { type AnswerCheckInInput, answerCheckIn } from './answer';
export { type OfferBoosterInput, offerBooster } from './booster';
export { listCheckIns, listPortalCheckIns, withdrawCheckIns } from './check-ins';
export { type CheckInDraft, checkInDraftPurpose, saveCheckInDraft } from './draft';
export {
  type CheckInStepOutcome,
  emailCheckIn,
  NEUTRAL_CHECK_IN_INVITATION,
  runCheckInStep,
} from './invite';
export {
  aftercareJobs,
  CHECK_IN_CLOSE_MS,
  CHECK_IN_QUEUE,
  CHECK_IN_REMINDER_MS,
  type CheckInJob,
  checkInJob,
  queueCheckInStep,
} from './jobs';
export { handleAftercareItem, listAftercareQueue } from './queue';
export { cancelFutureCheckIns } from './repository';
export { CHECK_IN_INSTRUMENTS, checkInDay, scheduleCheckInsInTx } from './schedule';
export { checkInWordsPurpose } from './views';
