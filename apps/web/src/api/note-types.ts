// Shapes of session notes, psychotherapy notes, carry-forward items and the pre-session brief.

export type NoteTemplate = 'soap' | 'dap' | 'birp' | 'music-therapy';

export type MusicMethod = 'receptive' | 'improvisational' | 're-creative' | 'compositional';

export type MusicUsed = { title: string; artist?: string; clientCreated: boolean };

export type HomeworkInput = {
  title: string;
  instructions: string;
  link?: string;
  attachmentId?: string;
  dueOn?: string;
};

/** Every template's fields in one loose record; each template uses its own subset. */
export type NoteBody = {
  [field: string]: unknown;
  planForNext?: string;
  threadsToOpen?: string[];
  threadsToClose?: string[];
  homework?: HomeworkInput[];
  methods?: MusicMethod[];
  instruments?: string[];
  music?: MusicUsed[];
};

export type Addendum = { id: string; text: string; authorName?: string; createdAt: string };

export type Note = {
  id: string;
  episodeId: string;
  appointmentId: string | null;
  template: NoteTemplate;
  status: 'draft' | 'signed';
  version: number;
  body: NoteBody;
  createdAt: string;
  updatedAt?: string;
  signedAt?: string | null;
  addenda?: Addendum[];
};

export type NoteSummary = Pick<
  Note,
  'id' | 'episodeId' | 'appointmentId' | 'template' | 'status' | 'createdAt' | 'signedAt'
>;

export type PrivacyWarning = { kind: string; excerpt: string; message?: string };

export type PsychotherapyNote = {
  id: string;
  episodeId: string;
  appointmentId?: string | null;
  body: string;
  createdAt: string;
  updatedAt?: string;
  warnings?: PrivacyWarning[];
};

export type Thread = {
  id: string;
  title: string;
  openedAt: string;
  closedAt?: string | null;
  status?: 'open' | 'closed';
};

export type Homework = {
  id: string;
  title: string;
  instructions?: string;
  link?: string | null;
  attachmentId?: string | null;
  attachment?: { id: string; fileName: string } | null;
  status: 'assigned' | 'done';
  dueOn: string | null;
  completedAt?: string | null;
  clientComment: string | null;
};

export type Attachment = { id: string; fileName: string; mediaType: string; sizeBytes: number };

export type Milestone = {
  kind: 'review-due' | 'planned-ending' | 'episode-anniversary' | string;
  at: string | null;
  detail: string;
};

export type Brief = {
  episode: { id: string; title: string; phase: string };
  client: { id: string; displayName: string; preferredName?: string | null };
  appointment: {
    id: string;
    startsAt: string;
    localStart?: string;
    timeZone?: string;
    modality?: string;
  } | null;
  daysSinceLastSession: number | null;
  lastSession: {
    appointmentId: string | null;
    startsAt: string | null;
    noteId: string | null;
    noteStatus: 'signed' | 'draft' | 'none';
    planForNext: string | null;
    unsignedNoteId: string | null;
  } | null;
  openThreads: Thread[];
  homework: Homework[];
  sections: { milestones?: Milestone[] } & Record<string, unknown>;
};
