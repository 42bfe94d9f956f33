import {
  acceptContactAgreement,
  getContactAgreement,
  proposeContactAgreement,
  sendMessage,
  uploadMessageAttachment,
} from '@throughline/domain';
import { actingAs } from '../operator';
import { openEpisodeFor } from '../testing/episodes';
import type { Harness } from '../testing/harness';
import {
  type MatrixRow,
  type ModuleMatrix,
  outcomes,
  type RelationRow,
  statuses,
} from '../testing/matrix';
import { multipartFile } from '../testing/multipart';

let episodeId = '';
let sentFileId = '';
let h: Harness;

const terms = {
  channels: { messages: true, email: true, phone: false },
  availability: [{ weekday: 1, from: '09:00', to: '17:00' }],
  responseTimeHours: 24,
};

const therapistCtx = () =>
  actingAs(h.services, {
    id: h.cast.therapist.userId,
    practiceId: h.cast.therapist.practiceId,
    role: 'therapist',
  });

/** The contact agreement and secure messages (issue 10): the episode's two parties only. */
export const matrix: ModuleMatrix = {
  name: 'contact',
  setup: async (ctx) => {
    h = ctx.h;
    const { therapist, client } = h.cast;
    episodeId = (await openEpisodeFor(h.services, therapist, client)).id;
    await proposeContactAgreement(therapistCtx(), episodeId, terms);
    await acceptContactAgreement(
      actingAs(h.services, { id: client.userId, practiceId: client.practiceId, role: 'client' }),
      episodeId,
      { version: 1 },
    );
    // A file the therapist sent with a message: both parties may open it, nobody else.
    const file = await uploadMessageAttachment(therapistCtx(), episodeId, {
      fileName: 'verse.txt',
      declaredType: 'text/plain',
      bytes: Buffer.from('Night Shift, verse 2'),
    });
    await sendMessage(therapistCtx(), episodeId, { body: 'The verse', attachmentId: file.id });
    sentFileId = file.id;
  },
  rows: () => ROWS,
  relations: () => RELATIONS,
};

const resources = {
  title: 'Help now',
  message: 'Call your local emergency number if you are in danger.',
  lines: [{ country: 'GB', name: 'Samaritans', contact: '116 123', note: 'Any time.' }],
  practice: 'Call the practice.',
};

const ROWS: MatrixRow[] = [
  //                                                 anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'GET /api/v1/episodes/:id/contact-agreement',
    url: () => `/api/v1/episodes/${episodeId}/contact-agreement`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/contact-agreement',
    url: () => `/api/v1/episodes/${episodeId}/contact-agreement`,
    body: () => terms,
    expect: statuses(401, 404, 404, 201, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/contact-agreement/accept',
    url: () => `/api/v1/episodes/${episodeId}/contact-agreement/accept`,
    body: async () => ({ version: (await getContactAgreement(therapistCtx(), episodeId)).version }),
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/contact-defaults',
    expect: statuses(401, 403, 403, 200, 200, 403, 403, 403),
  },
  {
    route: 'GET /api/v1/episodes/:id/messages',
    url: () => `/api/v1/episodes/${episodeId}/messages`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/messages',
    url: () => `/api/v1/episodes/${episodeId}/messages`,
    body: () => ({ body: 'Matrix message' }),
    expect: statuses(401, 201, 404, 201, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/messages/read',
    url: () => `/api/v1/episodes/${episodeId}/messages/read`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/messages/attachments',
    url: () => `/api/v1/episodes/${episodeId}/messages/attachments`,
    raw: () => multipartFile('lyrics.txt', 'text/plain', Buffer.from('Night Shift, verse 1')),
    expect: statuses(401, 201, 404, 201, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/messages/attachments/:attachmentId',
    url: () => `/api/v1/episodes/${episodeId}/messages/attachments/${sentFileId}`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/crisis-resources',
    expect: statuses(401, 200, 200, 200, 200, 200, 200, 200),
  },
  {
    route: 'PUT /api/v1/crisis-resources',
    body: () => resources,
    expect: statuses(401, 403, 403, 403, 403, 403, 200, 200),
  },
];

/**
 * Supervisors and designees (issue 10): a supervisor never sees the conversation or the agreement,
 * consent or not; a designee reads and answers messages only while the cover is in effect, and
 * never proposes, accepts or reads the agreement, nor uploads a file (POLICY: the parties').
 */
const RELATIONS: RelationRow[] = [
  //                                                    sup+c sup-c sup-w  des<  des=  des-x des>
  {
    route: 'GET /api/v1/episodes/:id/contact-agreement',
    url: (k) => `/api/v1/episodes/${k.episodeId}/contact-agreement`,
    expect: outcomes(404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/contact-agreement',
    url: (k) => `/api/v1/episodes/${k.episodeId}/contact-agreement`,
    body: () => terms,
    expect: outcomes(404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/contact-agreement/accept',
    url: (k) => `/api/v1/episodes/${k.episodeId}/contact-agreement/accept`,
    body: (k) => ({ version: k.agreementVersion }),
    expect: outcomes(404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/messages',
    url: (k) => `/api/v1/episodes/${k.episodeId}/messages`,
    expect: outcomes(404, 404, 404, 404, 200, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/messages',
    url: (k) => `/api/v1/episodes/${k.episodeId}/messages`,
    body: () => ({ body: 'I am covering this week; your therapist is back on Monday.' }),
    expect: outcomes(404, 404, 404, 404, 201, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/messages/read',
    url: (k) => `/api/v1/episodes/${k.episodeId}/messages/read`,
    expect: outcomes(404, 404, 404, 404, 200, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/messages/attachments',
    url: (k) => `/api/v1/episodes/${k.episodeId}/messages/attachments`,
    raw: () => multipartFile('lyrics.txt', 'text/plain', Buffer.from('Night Shift, verse 3')),
    expect: outcomes(404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/messages/attachments/:attachmentId',
    url: (k) => `/api/v1/episodes/${k.episodeId}/messages/attachments/${k.attachmentId}`,
    expect: outcomes(404, 404, 404, 404, 200, 404, 404),
  },
];
