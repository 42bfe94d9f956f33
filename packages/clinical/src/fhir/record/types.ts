/**
 * What the relationship mapping reads: plain, already-decrypted facts of one client's record,
 * named as the domain names them. No I/O happens here; the domain's record reader fills these.
 * Instants are `Date`s; calendar dates are `YYYY-MM-DD` strings.
 */

export type PracticeFacts = { id: string; name: string };
export type PractitionerFacts = { id: string; name: string; email: string | null };

export type ClientFacts = {
  id: string;
  displayName: string;
  preferredName: string | null;
  pronouns: string | null;
  dateOfBirth: string | null;
  email: string | null;
  phone: string | null;
  timeZone: string;
  emergencyContact: { name: string; phone: string; relationship: string } | null;
  /** The therapist responsible for the client. */
  therapistId: string;
};

export type EpisodeFacts = {
  id: string;
  therapistId: string;
  phase: 'intake' | 'active' | 'ending' | 'aftercare' | 'closed';
  title: string;
  previousEpisodeId: string | null;
  openedAt: Date;
  closedAt: Date | null;
  ending: { kind: string; recordedAt: Date } | null;
};

export type SessionFacts = {
  id: string;
  episodeId: string;
  therapistId: string;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'attended' | 'cancelled' | 'no-show';
  modality: 'in-person' | 'video' | 'phone';
  kind: 'treatment' | 'assessment';
  location: string | null;
  cancelledBy: 'client' | 'therapist' | null;
};

export type SignedNoteFacts = {
  id: string;
  episodeId: string;
  appointmentId: string | null;
  authorId: string;
  template: string;
  /** The template's fields, as the therapist wrote them. */
  body: Record<string, unknown>;
  signedAt: Date;
  createdAt: Date;
  addenda: { id: string; authorId: string; body: string; createdAt: Date }[];
};

export type GasLevels = Record<'-2' | '-1' | '0' | '+1' | '+2', string>;

export type GoalFacts = {
  id: string;
  episodeId: string;
  clientWords: string;
  objectives: string[];
  status: 'active' | 'achieved' | 'discontinued';
  createdAt: Date;
  createdBy: string;
  /** Therapist-only parts: absent from the client's own copy. */
  therapistWords?: string;
  gasLevels?: GasLevels;
  weight?: number;
  /** The newest GAS rating from a goal review (−2…+2), when there is one. */
  latestLevel?: { level: number; reviewedAt: Date } | null;
};

export type SharedPlanFacts = {
  id: string;
  episodeId: string;
  version: number;
  goalIds: string[];
  sharedBy: string;
  sharedAt: Date;
  acknowledgedAt: Date | null;
};

export type RelapsePreventionFacts = {
  episodeId: string;
  /** The ending plan's agreement version that holds it, and when both had accepted it. */
  planVersion: number;
  agreedAt: Date;
  therapistId: string;
  warningSigns: string[];
  triggers: string[];
  whatHelps: string[];
  whoToContact: string[];
  crisisPlan: string;
};

export type MessageFacts = {
  id: string;
  episodeId: string;
  senderId: string;
  senderParty: 'therapist' | 'client';
  /** The therapist of the episode (the other party when the client sent it). */
  therapistId: string;
  body: string;
  sentAt: Date;
};

export type ConsentFacts = {
  id: string;
  kind: string;
  documentTitle: string;
  documentVersion: number;
  documentBody: string;
  signedName: string;
  signedAt: Date;
  endedAt: Date | null;
  endedBecause: 'withdrawn' | 'replaced' | null;
};

export type ContactAgreementFacts = {
  /** The agreement version's id. */
  id: string;
  episodeId: string;
  version: number;
  therapistId: string;
  /** The agreed terms, as stored (versioned JSON). */
  terms: Record<string, unknown>;
  agreedAt: Date;
};

export type EndingSummaryFacts = {
  id: string;
  episodeId: string;
  version: number;
  savedBy: string;
  savedAt: Date;
  sharedAt: Date | null;
  /** The stored content (`{ v, facts, words }`), kept whole so an import loses nothing. */
  content: Record<string, unknown>;
  /** The PDF the client reads, rendered by the same renderer as the portal's download. */
  pdf: Uint8Array | null;
};
