import type { Phase } from '@throughline/contracts';

/**
 * What the client's copy of their record holds (issue 12; HIPAA 164.524): everything in the
 * designated record set the client may see — never psychotherapy notes (HIPAA 164.501/164.524(a)
 * (1)(i)), never the therapist-only wording of goals. Times are instants; the renderer shows them
 * in `timeZone` with its name.
 */
export type RecordCopy = {
  practiceName: string;
  timeZone: string;
  generatedAt: Date;
  client: { name: string; pronouns: string | null };
  consents: RecordCopyConsent[];
  episodes: RecordCopyEpisode[];
};

export type RecordCopyConsent = {
  title: string;
  version: number;
  signedAt: Date;
  endedAt: Date | null;
  endedBecause: 'withdrawn' | 'replaced' | null;
};

export type RecordCopySession = {
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'attended' | 'cancelled' | 'no-show';
  cancelledBy: 'client' | 'therapist' | null;
  modality: 'in-person' | 'video' | 'phone';
};

export type RecordCopyGoal = {
  words: string;
  status: string;
  /** The therapist's latest GAS review of the goal, in plain words. */
  review: { level: number; words: string; at: Date } | null;
  /** The client's own latest rating. */
  ownRating: { level: number; words: string; at: Date; comment: string | null } | null;
};

export type RecordCopyScores = {
  title: string;
  points: { at: Date; total: number; band: string | null }[];
};

export type RecordCopyNote = {
  signedAt: Date;
  sessionAt: Date | null;
  kind: string;
  sections: { label: string; text: string }[];
  addenda: { at: Date; text: string }[];
};

export type RecordCopyMessage = {
  sentAt: Date;
  fromClient: boolean;
  senderName: string;
  body: string;
};

export type RecordCopyEndingSummary = {
  sharedAt: Date | null;
  greeting: string;
  progress: string;
  whatHelped: string[];
  howToReturn: string;
  closing: string;
};

export type RecordCopyEpisode = {
  id: string;
  title: string;
  phase: Phase;
  openedAt: Date;
  closedAt: Date | null;
  therapistName: string;
  /** A return: the episode follows an earlier one. */
  isReturn: boolean;
  sessions: RecordCopySession[];
  goals: RecordCopyGoal[];
  scores: RecordCopyScores[];
  notes: RecordCopyNote[];
  messages: RecordCopyMessage[];
  endingSummary: RecordCopyEndingSummary | null;
};
