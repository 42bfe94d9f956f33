import {
  errors,
  importInstrumentBody,
  instrumentKeyParam,
  instrumentScoreSchema,
  practiceInstrumentListSchema,
  practiceInstrumentSchema,
  problemSchema,
  scoreInstrumentRequest,
} from '@throughline/contracts';
import {
  getPracticeInstrument,
  importInstrument,
  listPracticeInstruments,
  previewInstrument,
  retirePracticeInstrument,
  scoreInstrument,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/**
 * Stateless scoring (CLINICAL.md §6): nothing is stored; any signed-in clinician may call it, for
 * the instruments their practice has switched on.
 */
export const instrumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/instruments/:key/score',
    {
      config: { policy: 'instrument.score' },
      schema: {
        tags: ['instruments'],
        summary: 'Score a completed questionnaire (stateless)',
        params: instrumentKeyParam,
        body: scoreInstrumentRequest,
        response: {
          200: instrumentScoreSchema,
          ...errors,
          409: problemSchema.describe('The instrument is switched off for this practice'),
        },
      },
    },
    async (request) => {
      const { instrument, total, band, flags, subscales, percentage } = await scoreInstrument(
        request.ctx,
        request.params.key,
        request.body.answers,
      );
      return { instrument, total, band, flags, subscales, percentage };
    },
  );
};

const instrumentPath = '/api/v1/instruments/custom/:key';

/**
 * A practice's own instruments, imported from a FHIR R4 Questionnaire (docs/measures.md, "Custom
 * instruments"). Administrators preview, import and retire; clinicians read them to plan.
 */
export const practiceInstrumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/instruments/custom',
    {
      config: { policy: 'practice-instrument.list' },
      schema: {
        tags: ['instruments'],
        summary: "The practice's own instruments (current version of each, retired included)",
        response: { 200: practiceInstrumentListSchema, ...errors },
      },
    },
    async (request) => listPracticeInstruments(request.ctx),
  );

  app.post(
    '/api/v1/instruments/custom/preview',
    {
      config: { policy: 'practice-instrument.preview' },
      schema: {
        tags: ['instruments'],
        summary: 'Check a FHIR Questionnaire and its bands without importing it',
        description:
          'Refuses (400) what cannot be scored, naming each item by linkId and text and what it lacks. Nothing is stored.',
        body: importInstrumentBody,
        response: { 200: practiceInstrumentSchema, ...errors },
      },
    },
    async (request) => previewInstrument(request.ctx, request.body),
  );

  app.post(
    '/api/v1/instruments/custom',
    {
      config: { policy: 'practice-instrument.import' },
      schema: {
        tags: ['instruments'],
        summary: 'Import a FHIR Questionnaire as a practice instrument',
        description:
          'Answer weights come from the ordinalValue or itemWeight extension; bands, clinical cut-off and reliable change from the body. A form with the same title adds a version. All or nothing.',
        body: importInstrumentBody,
        response: { 201: practiceInstrumentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const imported = await importInstrument(request.ctx, request.body);
      return reply.code(201).send(imported);
    },
  );

  app.get(
    instrumentPath,
    {
      config: { policy: 'practice-instrument.read' },
      schema: {
        tags: ['instruments'],
        summary: 'One practice instrument: items, answer options and scoring',
        params: instrumentKeyParam,
        response: { 200: practiceInstrumentSchema, ...errors },
      },
    },
    async (request) => getPracticeInstrument(request.ctx, request.params.key),
  );

  app.post(
    `${instrumentPath}/retire`,
    {
      config: { policy: 'practice-instrument.retire' },
      schema: {
        tags: ['instruments'],
        summary: 'Retire a practice instrument (no longer planned or scored; scores stay readable)',
        params: instrumentKeyParam,
        response: { 200: practiceInstrumentSchema, ...errors },
      },
    },
    async (request) => retirePracticeInstrument(request.ctx, request.params.key),
  );
};
