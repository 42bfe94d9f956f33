export {
  type ApiTokenView,
  createApiToken,
  type IssuedApiToken,
  issueApiTokenForEmail,
  listApiTokens,
  revokeApiToken,
} from './api-tokens';
export {
  findUserContacts,
  readPracticeContactSettings,
  writePracticeContactSettings,
} from './contact-settings-row';
export { deactivateUser, reactivateUser } from './deactivation';
export {
  acceptInvitation,
  createInvitation,
  type InvitationView,
  issueInvitationLink,
  readInvitation,
} from './invitations';
export { identityPeriodicJobs, sessionPurgeJob } from './jobs';
export {
  INVITATION_TTL_MS,
  PASSWORD_RESET_TTL_MS,
  type PreparedLinkMail,
  prepareInvitationMail,
  preparePasswordResetMail,
} from './mail-links';
export { changePassword } from './password-change';
export { MAX_RESETS_PER_HOUR, requestPasswordReset, resetPassword } from './password-reset';
export { MIN_PASSWORD_LENGTH } from './passwords';
export {
  createPractice,
  getPractice,
  isTimeZone,
  type PracticeView,
  updatePractice,
} from './practices';
export { pendingTotpPurpose, totpSecretPurpose } from './purposes';
export { findDisplayNames, practiceTimeZoneSql, userNameSql } from './reads';
export type { Reauthentication } from './reauthenticate';
export { type RedeemSignUpCodeInput, redeemSignUpCode } from './redeem-sign-up-code';
export {
  findPracticeById,
  findUserByEmail,
  findUserById,
  listUsersByPractice,
} from './repository';
export {
  actorFromApiToken,
  actorFromSession,
  endSession,
  type IssuedSession,
  purgeExpiredSessions,
  type ResolvedSession,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from './sessions';
export { LOCKOUT_MS, MAX_FAILED_SIGN_INS, MAX_FAILED_TOTP_CODES, signIn } from './sign-in';
export { type EndedAccess, signOutEverywhere } from './sign-out-everywhere';
export { issueSignUpCode, normalizeSignUpCode, signUpCodeHash } from './sign-up-codes';
export { currentTotp, newTotpSecret } from './totp';
export { verifyTwoFactor } from './two-factor';
export {
  confirmTwoFactorEnrolment,
  type Enrolment,
  startTwoFactorEnrolment,
} from './two-factor-change';
export {
  auditRefusedCreate,
  createUserWithPassword,
  EMAIL_UNAVAILABLE,
  insertUser,
  inviteStaff,
  listUsers,
  type Me,
  readMe,
  type UserView,
} from './users';
