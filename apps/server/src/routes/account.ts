import {
  changePasswordBody,
  errors,
  passwordChangedSchema,
  passwordResetAcceptedSchema,
  passwordResetBody,
  passwordResetCompleteBody,
  problemSchema,
  signedOutEverywhereSchema,
} from '@throughline/contracts';
import {
  changePassword,
  requestPasswordReset,
  resetPassword,
  signOutEverywhere,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookies } from '../plugins/access';

/** Per-address brute-force guard, as for sign-in (the app's `authRateLimit`, 10 a minute). */
const attempts = { rateLimit: { timeWindow: '1 minute' } };

/** Account lifecycle (issue 7 item 13): password change and reset, sign-out everywhere. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/auth/password-reset',
    {
      config: { policy: 'auth.password-reset.request', ...attempts },
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password reset link by e-mail',
        description:
          'Always answers 202 with the same body, whether or not the address has an account: the answer must not reveal who has one. A link (single use, one hour) is e-mailed when the account exists, is active, has a password and may be e-mailed.',
        body: passwordResetBody,
        response: { 202: passwordResetAcceptedSchema, ...errors, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(request.ctx, request.body.email);
      return reply.code(202).send({ accepted: true as const });
    },
  );

  app.post(
    '/api/v1/auth/password-reset/complete',
    {
      config: { policy: 'auth.password-reset.complete', ...attempts },
      schema: {
        tags: ['auth'],
        summary: 'Choose a new password with the token from a reset link (single use)',
        description:
          'Every session of the account ends and the password lockout is cleared. The token travels in the body, never in a URL the server logs.',
        body: passwordResetCompleteBody,
        response: { 204: z.null(), ...errors, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await resetPassword(request.ctx, request.body.token, request.body.password);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      config: { policy: 'auth.password.change', ...attempts },
      schema: {
        tags: ['me'],
        summary: 'Change your password (needs the current one); your other sessions end',
        body: changePasswordBody,
        response: {
          200: passwordChangedSchema,
          ...errors,
          429: problemSchema,
        },
      },
    },
    async (request) => changePassword(request.ctx, request.body),
  );

  app.post(
    '/api/v1/auth/sign-out-everywhere',
    {
      config: { policy: 'auth.sign-out-everywhere' },
      schema: {
        tags: ['auth'],
        summary: 'End every session of yours, this one included, and revoke your API tokens',
        response: { 200: signedOutEverywhereSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ended = await signOutEverywhere(request.ctx);
      clearSessionCookies(reply);
      return ended;
    },
  );
};
