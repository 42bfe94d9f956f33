import {
  createNote,
  createPsychotherapyNote,
  listHomework,
  listThreads,
  signNote,
  uploadAttachment,
} from '@throughline/domain';
import { actingAs } from '../operator';
import { openEpisodeFor } from '../testing/episodes';
import {
  type MatrixRow,
  type ModuleMatrix,
  outcomes,
  type RelationRow,
  statuses,
} from '../testing/matrix';
import { multipartFile, SAMPLE_MP3 } from '../testing/multipart';

let episodeId = '';
let draftId = '';
let draftVersion = 1;
let signableId = '';
let signedId = '';
let psychotherapyNoteId = '';
let threadId = '';
let homeworkId = '';
let attachmentId = '';

const dap = { data: 'd', assessment: 'a', plan: 'p', planForNext: 'n' };

/** Session notes, psychotherapy notes, and what carries forward (threads, homework, files). */
export const matrix: ModuleMatrix = {
  name: 'notes',
  setup: async ({ h }) => {
    const { therapist, client } = h.cast;
    episodeId = (await openEpisodeFor(h.services, therapist, client)).id;
    const ctx = actingAs(h.services, {
      id: therapist.userId,
      practiceId: therapist.practiceId,
      role: 'therapist',
    });
    attachmentId = (
      await uploadAttachment(ctx, {
        episodeId,
        fileName: 'matrix.mp3',
        declaredType: 'audio/mpeg',
        bytes: SAMPLE_MP3,
      })
    ).id;
    const draft = await createNote(ctx, { episodeId, template: 'soap', body: {} });
    draftId = draft.id;
    draftVersion = draft.version;
    signableId = (await createNote(ctx, { episodeId, template: 'dap', body: dap })).id;
    const toSign = await createNote(ctx, {
      episodeId,
      template: 'dap',
      body: {
        ...dap,
        threadsToOpen: ['matrix thread'],
        homework: [{ title: 'Matrix homework', instructions: 'Listen.', attachmentId }],
      },
    });
    signedId = (await signNote(ctx, toSign.id, { version: toSign.version })).id;
    const threads = await listThreads(ctx, episodeId, 'open');
    threadId = threads.find((t) => t.openedInNoteId === signedId)?.id ?? '';
    const homework = await listHomework(ctx, episodeId);
    homeworkId = homework.find((w) => w.noteId === signedId)?.id ?? '';
    psychotherapyNoteId = (
      await createPsychotherapyNote(ctx, { episodeId, body: 'Matrix process note.' })
    ).id;
  },
  rows: () => ROWS,
  relations: () => RELATIONS,
};

const ROWS: MatrixRow[] = [
  //                                                 anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'GET /api/v1/episodes/:id/notes',
    url: () => `/api/v1/episodes/${episodeId}/notes`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/notes',
    url: () => `/api/v1/episodes/${episodeId}/notes`,
    body: () => ({ template: 'birp', body: {} }),
    expect: statuses(401, 404, 404, 201, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/notes/:id',
    url: () => `/api/v1/notes/${signedId}`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'PATCH /api/v1/notes/:id',
    url: () => `/api/v1/notes/${draftId}`,
    body: () => ({ version: draftVersion, body: { subjective: 'autosaved' } }),
    last: 'therapist',
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/notes/:id/sign',
    url: () => `/api/v1/notes/${signableId}/sign`,
    body: () => ({ version: 1 }),
    last: 'therapist',
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/notes/:id/addenda',
    url: () => `/api/v1/notes/${signedId}/addenda`,
    body: () => ({ text: 'Matrix addendum.' }),
    expect: statuses(401, 404, 404, 201, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/psychotherapy-notes',
    url: () => `/api/v1/episodes/${episodeId}/psychotherapy-notes`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/psychotherapy-notes',
    url: () => `/api/v1/episodes/${episodeId}/psychotherapy-notes`,
    body: () => ({ body: 'Another process note.' }),
    expect: statuses(401, 404, 404, 201, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/psychotherapy-notes/check',
    body: () => ({ body: 'sertraline 50 mg' }),
    expect: statuses(401, 403, 403, 200, 200, 403, 403, 403),
  },
  {
    route: 'GET /api/v1/psychotherapy-notes/:id',
    note: 'author only',
    url: () => `/api/v1/psychotherapy-notes/${psychotherapyNoteId}`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'PATCH /api/v1/psychotherapy-notes/:id',
    note: 'author only',
    url: () => `/api/v1/psychotherapy-notes/${psychotherapyNoteId}`,
    body: () => ({ body: 'Rewritten process note.' }),
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/threads',
    url: () => `/api/v1/episodes/${episodeId}/threads?status=all`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/threads/:id/close',
    url: () => `/api/v1/threads/${threadId}/close`,
    body: () => ({}),
    last: 'therapist',
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/homework',
    url: () => `/api/v1/episodes/${episodeId}/homework`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/portal/homework',
    expect: statuses(401, 200, 200, 403, 403, 403, 403, 403),
  },
  {
    route: 'POST /api/v1/homework/:id/complete',
    url: () => `/api/v1/homework/${homeworkId}/complete`,
    body: () => ({ comment: 'Done in the matrix.' }),
    last: 'client',
    expect: statuses(401, 200, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/attachments',
    url: () => `/api/v1/episodes/${episodeId}/attachments`,
    raw: () => multipartFile('lyrics.txt', 'text/plain', Buffer.from('Night Shift, verse 1')),
    expect: statuses(401, 404, 404, 201, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/attachments/:id',
    note: 'a file set as homework',
    url: () => `/api/v1/attachments/${attachmentId}`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
];

/**
 * Supervisors and designees (issue 10): a supervisor reads session notes while a consent that
 * names them is live; psychotherapy notes, threads and homework never; nobody but the therapist
 * writes or adds an addendum. A designee covering reads none of these.
 */
const RELATIONS: RelationRow[] = [
  //                                                    sup+c sup-c sup-w  des<  des=  des-x des>
  {
    route: 'GET /api/v1/episodes/:id/notes',
    url: (k) => `/api/v1/episodes/${k.episodeId}/notes`,
    expect: outcomes(200, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/notes/:id',
    url: (k) => `/api/v1/notes/${k.noteId}`,
    expect: outcomes(200, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/notes',
    url: (k) => `/api/v1/episodes/${k.episodeId}/notes`,
    body: () => ({ template: 'soap', body: {} }),
    expect: outcomes(404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/notes/:id/addenda',
    url: (k) => `/api/v1/notes/${k.noteId}/addenda`,
    body: () => ({ text: 'An addendum by someone other than the therapist.' }),
    expect: outcomes(404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/psychotherapy-notes',
    url: (k) => `/api/v1/episodes/${k.episodeId}/psychotherapy-notes`,
    expect: outcomes(404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/threads',
    url: (k) => `/api/v1/episodes/${k.episodeId}/threads`,
    expect: outcomes(404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/homework',
    url: (k) => `/api/v1/episodes/${k.episodeId}/homework`,
    expect: outcomes(404, 404, 404, 404, 404, 404, 404),
  },
];
