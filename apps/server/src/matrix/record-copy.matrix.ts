import { randomUUID } from 'node:crypto';
import { requestOwnCopy, updatePractice } from '@throughline/domain';
import { actingAs } from '../operator';
import type { Harness } from '../testing/harness';
import { type MatrixRow, type ModuleMatrix, statuses } from '../testing/matrix';

let h: Harness;
const ids = { toRelease: '', toRefuse: '' };

const as = (p: { userId: string; practiceId: string }, role: 'client' | 'practice_admin') =>
  actingAs(h.services, { id: p.userId, practiceId: p.practiceId, role });

/**
 * The client's own copy (issue 12). Setup turns the practice's review on just long enough for each
 * cast client to ask for a copy (so the therapist's release and the other therapist's refusal
 * have a pending request each), then off again, as the other modules expect: so the downloads are
 * immediate here (the review flow is in record-copy.int.test.ts). The copy is always the caller's
 * own: another client downloads their own record, never this one's. Review and answers hide
 * existence: anyone but the client's therapist gets 404.
 */
export const matrix: ModuleMatrix = {
  name: 'record-copy',
  setup: async (ctx) => {
    h = ctx.h;
    const admin = as(h.cast.admin, 'practice_admin');
    await updatePractice(admin, { copyReviewRequired: true });
    ids.toRelease = (await requestOwnCopy(as(h.cast.client, 'client'))).id;
    ids.toRefuse = (await requestOwnCopy(as(h.cast.otherClient, 'client'))).id;
    await updatePractice(admin, { copyReviewRequired: false });
  },
  rows: () => ROWS,
};

const ROWS: MatrixRow[] = [
  //                                                 anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'GET /api/v1/portal/record',
    expect: statuses(401, 200, 200, 403, 403, 403, 403, 403),
  },
  {
    route: 'GET /api/v1/portal/export.pdf',
    note: 'each client their own record; staff never through the portal',
    expect: statuses(401, 200, 200, 403, 403, 403, 403, 403),
  },
  {
    route: 'POST /api/v1/portal/record-requests',
    note: 'the practice does not review copies: 409 for a client',
    expect: statuses(401, 409, 409, 403, 403, 403, 403, 403),
  },
  {
    route: 'GET /api/v1/record-requests',
    expect: statuses(401, 403, 403, 200, 200, 403, 403, 403),
  },
  {
    route: 'POST /api/v1/record-requests/:id/release',
    note: "the therapist's client's request",
    url: () => `/api/v1/record-requests/${ids.toRelease}/release`,
    last: 'therapist',
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/record-requests/:id/release',
    note: 'a request that does not exist',
    url: () => `/api/v1/record-requests/${randomUUID()}/release`,
    expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/record-requests/:id/refuse',
    note: "the other therapist's client's request",
    url: () => `/api/v1/record-requests/${ids.toRefuse}/refuse`,
    body: () => ({ reason: 'Part of the record names another person; we will talk it through.' }),
    last: 'otherTherapist',
    expect: statuses(401, 404, 404, 404, 200, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/clients/:id/record-copy.pdf',
    note: "the therapist's client",
    url: () => `/api/v1/clients/${h.cast.client.clientId}/record-copy.pdf`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
];
