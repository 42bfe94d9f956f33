/**
 * Encryption purposes of the identity module's sealed columns: the purpose is bound into the
 * ciphertext, so a purpose typed differently in two places fails only at run time — each is
 * written here once.
 */

/** A user's confirmed TOTP secret (`users.totp_secret`). */
export const totpSecretPurpose = (userId: string): string => `totp:${userId}`;

/** A TOTP secret offered during enrolment, not yet confirmed (kept on the session). */
export const pendingTotpPurpose = (sessionId: string): string => `totp-pending:${sessionId}`;
