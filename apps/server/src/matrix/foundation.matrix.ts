import { randomUUID } from 'node:crypto';
import {
  currentTotp,
  inviteClient,
  inviteStaff,
  issueApiTokenForEmail,
  issueInvitationLink,
  type Services,
} from '@throughline/domain';
import { expect } from 'vitest';
import { actingAs, operatorContext } from '../operator';
import { PASSWORD, type Person } from '../testing/harness';
import {
  ACTORS,
  type ActorKey,
  type MatrixContext,
  type MatrixRow,
  type ModuleMatrix,
  outcomes,
  statuses,
} from '../testing/matrix';

type Row = MatrixRow;

let ctx: MatrixContext;
const ownTokenIds: Partial<Record<ActorKey, string>> = {};
const acceptTokens = {} as Record<ActorKey, string>;
const pendingSecrets = {} as Partial<Record<ActorKey, string>>;
let readableInvitation = '';
const signUpCodes = {} as Record<ActorKey, string>;
/** The therapist's client who has not signed up: a new code may be made for them. */
let codeClientId = '';
let deactivationTarget = '';
let therapistTokenId = '';
const unique = (who: ActorKey): string => `${who.toLowerCase()}-${randomUUID()}@matrix.example`;

async function invitationFor(services: Services, admin: Person, email: string): Promise<string> {
  const actor = actingAs(services, {
    id: admin.userId,
    practiceId: admin.practiceId,
    role: 'practice_admin',
  });
  await inviteStaff(actor, { email, displayName: email, role: 'therapist' });
  return issueInvitationLink(services, email);
}

const own = (who: ActorKey): Person => ctx.h.cast[who === 'anonymous' ? 'client' : who];

/** Identity, tokens and administration; runs last (it enrols two-factor and signs everyone out). */
export const matrix: ModuleMatrix = {
  name: 'foundation',
  setup: async (context) => {
    ctx = context;
    const { h } = context;
    const op = operatorContext(h.services);
    for (const who of ACTORS) {
      // Clients hold no personal API tokens (token.* is staff-only in POLICY).
      if (who === 'anonymous' || who === 'client' || who === 'otherClient') continue;
      const issued = await issueApiTokenForEmail(op, {
        email: h.cast[who].email,
        name: 'own',
        expiresInDays: 1,
      });
      ownTokenIds[who] = issued.id;
    }
    const kept = await issueApiTokenForEmail(op, {
      email: h.cast.therapist.email,
      name: 'therapist-only',
      expiresInDays: 1,
    });
    therapistTokenId = kept.id;
    readableInvitation = await invitationFor(h.services, h.cast.admin, 'readable@matrix.example');
    for (const who of ACTORS)
      acceptTokens[who] = await invitationFor(h.services, h.cast.admin, unique(who));
    const target = await inviteStaff(
      actingAs(h.services, {
        id: h.cast.admin.userId,
        practiceId: h.cast.admin.practiceId,
        role: 'practice_admin',
      }),
      { email: 'deactivate-me@matrix.example', displayName: 'Leaving', role: 'therapist' },
    );
    deactivationTarget = target.id;
    // Clients without e-mail, each with a one-time sign-up code for one actor to redeem.
    const asTherapist = actingAs(h.services, {
      id: h.cast.therapist.userId,
      practiceId: h.cast.therapist.practiceId,
      role: 'therapist',
    });
    for (const who of ACTORS) {
      const created = await inviteClient(asTherapist, {
        displayName: `Code ${who}`,
        safeContact: { mayEmail: false },
      });
      signUpCodes[who] = created.signUpCode?.code ?? '';
    }
    const waiting = await inviteClient(asTherapist, {
      displayName: 'Code Waiting',
      safeContact: { mayEmail: false },
    });
    codeClientId = waiting.id;
  },
  // Supervisors and designees (issue 10): a client's record for a supervisor whose supervision
  // consent is live; not for a designee, who covers episodes, not the client's record.
  relations: () => [
    //                                                  sup+c sup-c sup-w  des<  des=  des-x des>
    {
      route: 'GET /api/v1/clients/:id',
      url: (k) => `/api/v1/clients/${k.clientId}`,
      expect: outcomes(200, 404, 404, 404, 404, 404, 404),
    },
  ],
  rows: () => ROWS,
};

// Order matters: enrolment changes who has two-factor, and sign-out ends the sessions, so they run last.
const ROWS: Row[] = [
  //                                          anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'POST /api/v1/auth/sign-in',
    body: (who) => ({ email: own(who).email, password: PASSWORD }),
    expect: statuses(200, 200, 200, 200, 200, 200, 200, 200),
  },
  {
    route: 'POST /api/v1/auth/two-factor/verify',
    note: 'after the ceremony is complete',
    body: () => ({ code: '000000' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 403, 403),
  },
  { route: 'GET /api/v1/me', expect: statuses(401, 200, 200, 200, 200, 200, 200, 200) },
  { route: 'GET /api/v1/portal', expect: statuses(401, 200, 200, 403, 403, 403, 403, 403) },
  {
    route: 'GET /api/v1/invitations/:token',
    url: () => `/api/v1/invitations/${readableInvitation}`,
    expect: statuses(200, 200, 200, 200, 200, 200, 200, 200),
  },
  {
    route: 'POST /api/v1/invitations/:token/accept',
    url: (who) => `/api/v1/invitations/${acceptTokens[who]}/accept`,
    body: () => ({ password: 'a long enough pass phrase' }),
    expect: statuses(204, 204, 204, 204, 204, 204, 204, 204),
  },
  {
    route: 'POST /api/v1/auth/sign-up-code',
    body: (who) => ({
      code: signUpCodes[who],
      username: `code.${who.toLowerCase()}`,
      password: 'a long enough pass phrase',
    }),
    expect: statuses(200, 200, 200, 200, 200, 200, 200, 200),
  },
  {
    route: 'POST /api/v1/clients/:id/sign-up-code',
    note: "the therapist's client who has not signed up",
    url: () => `/api/v1/clients/${codeClientId}/sign-up-code`,
    expect: statuses(401, 404, 404, 201, 404, 404, 404, 404),
  },
  { route: 'GET /api/v1/clients', expect: statuses(401, 403, 403, 200, 200, 200, 403, 403) },
  {
    route: 'POST /api/v1/clients',
    body: (who) => ({ displayName: 'New client', email: unique(who) }),
    expect: statuses(401, 403, 403, 201, 201, 403, 403, 403),
  },
  {
    route: 'GET /api/v1/clients/:id',
    note: "the therapist's client",
    url: () => `/api/v1/clients/${ctx.h.cast.client.clientId}`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/clients/:id',
    note: 'a client that does not exist',
    url: () => `/api/v1/clients/${randomUUID()}`,
    expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
  },
  { route: 'GET /api/v1/tokens', expect: statuses(401, 403, 403, 200, 200, 200, 200, 200) },
  {
    route: 'POST /api/v1/tokens',
    body: () => ({ name: 'matrix', expiresInDays: 1 }),
    expect: statuses(401, 403, 403, 201, 201, 201, 201, 201),
    after: (_who, response) => {
      if (response.statusCode === 201) expect(response.json().token).toMatch(/^tl_/);
    },
  },
  {
    route: 'DELETE /api/v1/tokens/:id',
    note: "the therapist's token",
    url: () => `/api/v1/tokens/${therapistTokenId}`,
    last: 'therapist',
    expect: statuses(401, 404, 404, 204, 404, 404, 404, 404),
  },
  {
    route: 'DELETE /api/v1/tokens/:id',
    note: "the caller's own token",
    url: (who) => `/api/v1/tokens/${ownTokenIds[who] ?? randomUUID()}`,
    expect: statuses(401, 404, 404, 204, 204, 204, 204, 204),
  },
  { route: 'GET /api/v1/admin/users', expect: statuses(401, 403, 403, 403, 403, 403, 200, 200) },
  {
    route: 'POST /api/v1/admin/users/:id/deactivate',
    note: 'a therapist of the first practice',
    url: () => `/api/v1/admin/users/${deactivationTarget}/deactivate`,
    expect: statuses(401, 403, 403, 403, 403, 403, 200, 404),
  },
  {
    route: 'POST /api/v1/admin/users/:id/reactivate',
    note: 'a therapist of the first practice',
    url: () => `/api/v1/admin/users/${deactivationTarget}/reactivate`,
    expect: statuses(401, 403, 403, 403, 403, 403, 200, 404),
  },
  {
    route: 'POST /api/v1/auth/password-reset',
    note: 'the same answer for every address',
    body: (who) => ({ email: who === 'anonymous' ? 'nobody@matrix.example' : own(who).email }),
    expect: statuses(202, 202, 202, 202, 202, 202, 202, 202),
  },
  {
    route: 'POST /api/v1/auth/password-reset/complete',
    note: 'a token that was never sent (the journey is in account-lifecycle.int.test.ts)',
    body: () => ({ token: 'x'.repeat(43), password: 'a long enough pass phrase' }),
    expect: statuses(404, 404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/me/password',
    note: 'with a wrong current password, so nobody is changed',
    body: () => ({ currentPassword: 'not the password', newPassword: 'a long enough pass phrase' }),
    expect: statuses(401, 400, 400, 400, 400, 400, 400, 400),
  },
  {
    route: 'POST /api/v1/admin/users',
    body: (who) => ({ email: unique(who), displayName: 'New colleague', role: 'supervisor' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 201, 201),
  },
  { route: 'GET /api/v1/practice', expect: statuses(401, 403, 403, 403, 403, 403, 200, 200) },
  {
    route: 'PATCH /api/v1/practice',
    body: () => ({ timeZone: 'Europe/Dublin' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200, 200),
  },
  {
    route: 'GET /api/v1/practice/measure-settings',
    expect: statuses(401, 403, 403, 200, 200, 200, 200, 200),
  },
  {
    route: 'PATCH /api/v1/practice/measure-settings',
    body: () => ({ pcl5ReliableChange: 10 }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200, 200),
  },
  { route: 'GET /api/v1/admin/outbox', expect: statuses(401, 403, 403, 403, 403, 403, 200, 200) },
  {
    route: 'GET /api/v1/admin/audit/verify',
    expect: statuses(401, 403, 403, 403, 403, 403, 200, 200),
  },
  {
    route: 'POST /api/v1/auth/sign-out-everywhere',
    endsSessions: true,
    expect: statuses(401, 200, 200, 200, 200, 200, 200, 200),
  },
  {
    route: 'POST /api/v1/auth/two-factor/enrolment',
    note: 'without the password or a current code (issue 7 item 5)',
    body: () => ({}),
    expect: statuses(401, 400, 400, 400, 400, 400, 400, 400),
  },
  {
    route: 'POST /api/v1/auth/two-factor/enrolment',
    note: 'with the password',
    body: () => ({ password: PASSWORD }),
    expect: statuses(401, 200, 200, 200, 200, 200, 200, 200),
    after: (who, response) => {
      if (response.statusCode === 200) pendingSecrets[who] = response.json().secret;
    },
  },
  {
    route: 'POST /api/v1/auth/two-factor/enrolment/confirm',
    body: async (who) => {
      const secret = pendingSecrets[who];
      return { code: secret ? await currentTotp(secret, ctx.now()) : '000000' };
    },
    expect: statuses(401, 200, 200, 200, 200, 200, 200, 200),
  },
  { route: 'POST /api/v1/auth/sign-out', expect: statuses(401, 204, 204, 204, 204, 204, 204, 204) },
];
