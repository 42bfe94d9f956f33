/** The parts of a record an export can carry (the client and their episodes always travel). */
export const RECORD_PARTS = [
  'sessions',
  'notes',
  'scores',
  'goals',
  'messages',
  'consents',
  'ending',
] as const;
export type RecordPart = (typeof RECORD_PARTS)[number];

/**
 * What an export covers. `audience` is who reads it: the client's own copy leaves out the
 * therapist-only fields (the access kernel's `seesTherapistOnlyFields`), the therapist's keeps
 * them. `episodeIds` and `parts` narrow it — a handover limited to what the client's consent
 * names reuses this; absent means every episode the actor may see and every part.
 */
export type ExportScope = {
  audience: 'therapist' | 'client';
  episodeIds?: readonly string[];
  parts?: readonly RecordPart[];
};

export const includes = (scope: ExportScope, part: RecordPart): boolean =>
  scope.parts === undefined || scope.parts.includes(part);
