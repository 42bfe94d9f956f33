import {
  codeBody,
  enrolmentBody,
  enrolmentSchema,
  errors,
  type NextStep,
  nextStepSchema,
  problemSchema,
  redeemSignUpCodeBody,
  signInBody,
} from '@throughline/contracts';
import {
  AppError,
  confirmTwoFactorEnrolment,
  endSession,
  redeemSignUpCode,
  SESSION_ABSOLUTE_MS,
  signIn,
  startTwoFactorEnrolment,
  verifyTwoFactor,
} from '@throughline/domain';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSRF_COOKIE, clearSessionCookies, SESSION_COOKIE } from '../plugins/access';

const stageToNext: Record<'complete' | 'two-factor' | 'enrol-two-factor', NextStep['next']> = {
  complete: 'done',
  'two-factor': 'two-factor',
  'enrol-two-factor': 'enrol-two-factor',
};

/**
 * Brute-force guard per client address; the per-account lockout is the durable one. The limit
 * itself is the app's `authRateLimit` (10 a minute unless a test raises it).
 */
const attempts = { rateLimit: { timeWindow: '1 minute' } };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const secure = app.publicUrl.startsWith('https:');
  const setCookies = (reply: FastifyReply, session: string, csrf: string) => {
    const base = {
      path: '/',
      sameSite: 'strict' as const,
      secure,
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    };
    reply.setCookie(SESSION_COOKIE, session, { ...base, httpOnly: true });
    reply.setCookie(CSRF_COOKIE, csrf, { ...base, httpOnly: false });
  };

  app.post(
    '/api/v1/auth/sign-in',
    {
      config: { policy: 'auth.sign-in', ...attempts },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        description:
          'Sets an HttpOnly session cookie and a readable `tl_csrf` cookie. `next` says whether a two-factor code or two-factor enrolment must follow.',
        body: signInBody,
        response: { 200: nextStepSchema, ...errors, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const issued = await signIn(request.ctx, {
        ...request.body,
        userAgent: request.headers['user-agent'],
      });
      setCookies(reply, issued.sessionToken, issued.csrfToken);
      return { next: stageToNext[issued.stage] };
    },
  );

  app.post(
    '/api/v1/auth/sign-up-code',
    {
      config: { policy: 'sign-up-code.redeem', ...attempts },
      schema: {
        tags: ['auth'],
        summary: 'Join with the one-time sign-up code a therapist handed over',
        description:
          'Sets how the client signs in (an e-mail or a user name) and their password, uses up the code and signs them in. An unknown code is 404 and counts against the per-address limit; a used or expired one is 410.',
        body: redeemSignUpCodeBody,
        response: { 200: nextStepSchema, ...errors, 409: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const issued = await redeemSignUpCode(request.ctx, {
        ...request.body,
        userAgent: request.headers['user-agent'],
      });
      setCookies(reply, issued.sessionToken, issued.csrfToken);
      return { next: stageToNext[issued.stage] };
    },
  );

  app.post(
    '/api/v1/auth/two-factor/verify',
    {
      config: { policy: 'auth.two-factor.verify', ...attempts },
      schema: {
        tags: ['auth'],
        summary: 'Second sign-in step: the code from the authenticator app',
        body: codeBody,
        response: { 200: nextStepSchema, ...errors, 423: problemSchema, 429: problemSchema },
      },
    },
    async (request) => {
      await verifyTwoFactor(request.ctx, request.body.code);
      return { next: 'done' as const };
    },
  );

  app.post(
    '/api/v1/auth/two-factor/enrolment',
    {
      config: { policy: 'auth.two-factor.enrol' },
      schema: {
        tags: ['auth'],
        summary: 'Start setting up or replacing two-factor: a new TOTP secret and its QR code',
        description:
          'Needs the current `password`, or a current `code` from the authenticator in use when two-factor is already on. Wrong guesses count towards the account lockout. Confirming ends the other sessions of the user and e-mails them a notice.',
        body: enrolmentBody,
        response: {
          200: enrolmentSchema,
          ...errors,
          423: problemSchema,
        },
      },
    },
    async (request) => startTwoFactorEnrolment(request.ctx, request.body ?? {}),
  );

  app.post(
    '/api/v1/auth/two-factor/enrolment/confirm',
    {
      config: { policy: 'auth.two-factor.enrol', ...attempts },
      schema: {
        tags: ['auth'],
        summary: 'Finish two-factor enrolment with a code from the new secret',
        body: codeBody,
        response: { 200: nextStepSchema, ...errors },
      },
    },
    async (request) => {
      await confirmTwoFactorEnrolment(request.ctx, request.body.code);
      return { next: 'done' as const };
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    {
      config: { policy: 'auth.sign-out' },
      schema: {
        tags: ['auth'],
        summary: 'End this session',
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = request.ctx.actor;
      if (actor.kind !== 'user' || !actor.sessionId) {
        throw new AppError('FORBIDDEN', 'Bearer tokens are revoked, not signed out.');
      }
      await endSession(request.ctx.services.db, actor.sessionId);
      clearSessionCookies(reply);
      return reply.code(204).send(null);
    },
  );
};
