import { createNote, type NoteBody, type Services, signNote } from '@throughline/domain';
import { actingAs } from '../operator';

type DemoNote = { body: NoteBody };

const HOUR = 3_600_000;

/** Three signed music-therapy sessions with Sam (AMTA documentation: methods, music, responses). */
export const SESSIONS: DemoNote[] = [
  {
    body: {
      methods: ['receptive'],
      instruments: [],
      music: [{ title: 'Weightless', artist: 'Marconi Union', clientCreated: false }],
      clientResponses:
        'Sam arrived tense after a night shift. During guided listening to "Weightless" their breathing slowed and they reported their shoulders "finally coming down". They said they rarely sleep before 11:00 after shifts.',
      goalsAddressed: 'Goal 1: a wind-down routine that helps Sam fall asleep after night shifts.',
      interventions:
        'Guided receptive listening with breath cueing; verbal processing of the body response.',
      planForNext: 'Try active music-making to release the tension before moving to relaxation.',
      threadsToOpen: ['Sleep before shifts'],
      threadsToClose: [],
      homework: [],
    },
  },
  {
    body: {
      methods: ['improvisational'],
      instruments: ['djembe', 'ocean drum'],
      music: [],
      clientResponses:
        'Loud, fast djembe playing for the first ten minutes, then Sam moved to the ocean drum on their own and slowed the tempo. They named the shift from "noise in my head" to "waves".',
      goalsAddressed: 'Goal 1 (wind-down routine) and Goal 2 (naming stress before it builds).',
      interventions: 'Referential improvisation: "the end of a shift" to "the walk home".',
      planForNext:
        'Sam wants to put the "waves" feeling into words: begin songwriting (lyric brainstorm).',
      threadsToOpen: [],
      threadsToClose: [],
      homework: [],
    },
  },
  {
    body: {
      methods: ['compositional', 'receptive'],
      instruments: ['acoustic guitar', 'ocean drum'],
      music: [
        { title: 'Night Shift', clientCreated: true },
        { title: 'Weightless', artist: 'Marconi Union', clientCreated: false },
        { title: 'Holocene', artist: 'Bon Iver', clientCreated: false },
      ],
      clientResponses:
        'Sam wrote the first verse and chorus of their song "Night Shift" ("the city sleeps while I keep watch"). They smiled when they heard it played back and asked to record it.',
      goalsAddressed: 'Goal 2 (naming stress) through lyric writing; Goal 1 through the playlist.',
      interventions:
        'Lyric substitution, then fill-in-the-blank songwriting over a I–V–vi–IV loop.',
      planForNext:
        'Review the sleep notes from the playlist week; finish the second verse of "Night Shift" and record a rough demo.',
      threadsToOpen: [],
      threadsToClose: [],
      homework: [
        {
          title: 'Evening playlist',
          instructions:
            'Listen to the 3 tracks before bed ("Weightless", "Holocene", and your "Night Shift" chorus) and note how you slept.',
        },
      ],
    },
  },
];

/**
 * Writes and signs the demo's music-therapy notes for Sam, oldest first, one per session given
 * (fewer sessions: the rest have none), each written and signed an hour after its session ended,
 * so the episode lists them by their distinct session dates. Signing opens the "Sleep before
 * shifts" thread and sets the evening-playlist homework, exactly as a therapist's signing would.
 */
export async function seedDemoNotes(
  services: Services,
  input: {
    episodeId: string;
    therapist: { id: string; practiceId: string };
    sessions: { appointmentId: string; endsAt: Date }[];
  },
): Promise<{ noteIds: string[] }> {
  const noteIds: string[] = [];
  for (const [i, note] of SESSIONS.entries()) {
    const session = input.sessions[i];
    const writtenAt = session ? new Date(session.endsAt.getTime() + HOUR) : services.now();
    const ctx = actingAs(
      { ...services, now: () => writtenAt },
      { ...input.therapist, role: 'therapist' },
    );
    const draft = await createNote(ctx, {
      episodeId: input.episodeId,
      template: 'music-therapy',
      ...(session ? { appointmentId: session.appointmentId } : {}),
      body: note.body,
    });
    await signNote(ctx, draft.id, { version: draft.version });
    noteIds.push(draft.id);
  }
  return { noteIds };
}
