import {
  aftercareListSchema,
  answerCheckInRequest,
  answeredCheckInSchema,
  boosterSchema,
  checkInDraftSchema,
  checkInListSchema,
  errors,
  handleAftercareItemRequest,
  offerBoosterRequest,
  portalCheckInListSchema,
  problemSchema,
  savedCheckInDraftSchema,
  uuidParam,
  withdrawCheckInsRequest,
  withdrawnCheckInsSchema,
} from '@throughline/contracts';
import {
  answerCheckIn,
  handleAftercareItem,
  listAftercareQueue,
  listCheckIns,
  listPortalCheckIns,
  offerBooster,
  saveCheckInDraft,
  withdrawCheckIns,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const conflict = { 409: problemSchema };

/** Check-ins after the ending, the aftercare queue and booster sessions (issue 11). */
export const checkInRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/episodes/:id/check-ins',
    {
      config: { policy: 'check-in.list' },
      schema: {
        tags: ['aftercare'],
        summary: "An episode's check-ins after the ending, by due day (its therapist and client)",
        params: uuidParam,
        response: { 200: checkInListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listCheckIns(request.ctx, request.params.id) }),
  );

  app.get(
    '/api/v1/portal/check-ins',
    {
      config: { policy: 'check-in.portal.list' },
      schema: {
        tags: ['portal'],
        summary: 'The check-ins waiting for the client’s answer, with their questionnaires',
        response: { 200: portalCheckInListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listPortalCheckIns(request.ctx) }),
  );

  app.post(
    '/api/v1/portal/check-ins/:id/answer',
    {
      config: { policy: 'check-in.answer' },
      schema: {
        tags: ['portal'],
        summary:
          'Answer a check-in (409 when it is not open, already answered, or consent was withdrawn: nothing is stored)',
        params: uuidParam,
        body: answerCheckInRequest,
        response: { 200: answeredCheckInSchema, ...errors, ...conflict },
      },
    },
    async (request) => answerCheckIn(request.ctx, request.params.id, request.body),
  );

  app.put(
    '/api/v1/portal/check-ins/:id/draft',
    {
      config: { policy: 'check-in.save' },
      schema: {
        tags: ['portal'],
        summary:
          'Save your check-in answers so far, to finish later (null for items not yet answered); 409 like an answer',
        params: uuidParam,
        body: checkInDraftSchema,
        response: { 200: savedCheckInDraftSchema, ...errors, ...conflict },
      },
    },
    async (request) => saveCheckInDraft(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/v1/portal/check-ins/withdraw',
    {
      config: { policy: 'check-in.withdraw' },
      schema: {
        tags: ['portal'],
        summary:
          'Withdraw check-in consent: it ends at once and every check-in still to come is cancelled',
        body: withdrawCheckInsRequest,
        response: { 200: withdrawnCheckInsSchema, ...errors },
      },
    },
    async (request) => withdrawCheckIns(request.ctx, request.body.episodeId),
  );

  app.get(
    '/api/v1/aftercare',
    {
      config: { policy: 'aftercare.list' },
      schema: {
        tags: ['aftercare'],
        summary:
          "The therapist's aftercare queue: clients whose check-in showed a worsening, a risk, or a wish to talk",
        response: { 200: aftercareListSchema, ...errors },
      },
    },
    async (request) => listAftercareQueue(request.ctx),
  );

  app.post(
    '/api/v1/aftercare/:id/handled',
    {
      config: { policy: 'aftercare.handle' },
      schema: {
        tags: ['aftercare'],
        summary: 'Mark an aftercare item handled (409 when it already was)',
        params: uuidParam,
        body: handleAftercareItemRequest.optional(),
        response: {
          200: z.object({ id: z.uuid(), handledAt: z.date() }),
          ...errors,
          ...conflict,
        },
      },
    },
    async (request) => handleAftercareItem(request.ctx, request.params.id),
  );

  app.post(
    '/api/v1/episodes/:id/booster',
    {
      config: { policy: 'booster.offer' },
      schema: {
        tags: ['aftercare'],
        summary:
          'Offer a booster session: one session booked in the aftercare episode (and the queue item marked handled)',
        params: uuidParam,
        body: offerBoosterRequest,
        response: { 201: boosterSchema, ...errors, ...conflict },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await offerBooster(request.ctx, request.params.id, request.body)),
  );
};
