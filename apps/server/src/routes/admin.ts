import {
  auditVerificationSchema,
  errors,
  inviteStaffBody,
  itemsSchema,
  listOutboxQuery,
  measureSettingsSchema,
  outboxEmailSchema,
  practiceSchema,
  problemSchema,
  updateMeasureSettingsBody,
  updatePracticeBody,
  userSchema,
  uuidParam,
} from '@throughline/contracts';
import {
  deactivateUser,
  getMeasureSettings,
  getPractice,
  inviteStaff,
  listOutbox,
  listUsers,
  reactivateUser,
  updateMeasureSettings,
  updatePractice,
  verifyPracticeAuditChain,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/users',
    {
      config: { policy: 'user.list' },
      schema: {
        tags: ['admin'],
        summary: "The practice's users",
        response: { 200: itemsSchema(userSchema), ...errors },
      },
    },
    async (request) => ({ items: await listUsers(request.ctx) }),
  );

  app.post(
    '/api/v1/admin/users',
    {
      config: { policy: 'user.create' },
      schema: {
        tags: ['admin'],
        summary: 'Invite a member of staff by e-mail',
        body: inviteStaffBody,
        response: { 201: userSchema, ...errors, 409: problemSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await inviteStaff(request.ctx, request.body)),
  );

  app.post(
    '/api/v1/admin/users/:id/deactivate',
    {
      config: { policy: 'user.deactivate' },
      schema: {
        tags: ['admin'],
        summary: 'Deactivate an account: sign-in refused, sessions and API tokens ended at once',
        description:
          'Reversible with reactivate. The last active administrator cannot deactivate themself (409).',
        params: uuidParam,
        response: { 200: userSchema, ...errors, 409: problemSchema },
      },
    },
    async (request) => deactivateUser(request.ctx, request.params.id),
  );

  app.post(
    '/api/v1/admin/users/:id/reactivate',
    {
      config: { policy: 'user.reactivate' },
      schema: {
        tags: ['admin'],
        summary: 'Let a deactivated account sign in again (its old sessions and tokens stay ended)',
        params: uuidParam,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => reactivateUser(request.ctx, request.params.id),
  );

  app.get(
    '/api/v1/practice',
    {
      config: { policy: 'practice.read' },
      schema: {
        tags: ['admin'],
        summary: 'Practice settings',
        response: { 200: practiceSchema, ...errors },
      },
    },
    async (request) => getPractice(request.ctx),
  );

  app.patch(
    '/api/v1/practice',
    {
      config: { policy: 'practice.update' },
      schema: {
        tags: ['admin'],
        summary: 'Change practice settings',
        body: updatePracticeBody,
        response: { 200: practiceSchema, ...errors },
      },
    },
    async (request) => updatePractice(request.ctx, request.body),
  );

  app.get(
    '/api/v1/practice/measure-settings',
    {
      config: { policy: 'measure-settings.read' },
      schema: {
        tags: ['admin'],
        summary: 'Measurement settings: instruments switched on, PCL-5 reliable-change value',
        response: { 200: measureSettingsSchema, ...errors },
      },
    },
    async (request) => getMeasureSettings(request.ctx),
  );

  app.patch(
    '/api/v1/practice/measure-settings',
    {
      config: { policy: 'measure-settings.update' },
      schema: {
        tags: ['admin'],
        summary: 'Switch instruments on or off and choose the PCL-5 reliable-change value (5–10)',
        description:
          'A switched-off instrument cannot be planned or scored for the practice (409); responses already recorded stay readable. See docs/measures.md for the licences that may require switching one off.',
        body: updateMeasureSettingsBody,
        response: { 200: measureSettingsSchema, ...errors },
      },
    },
    async (request) => updateMeasureSettings(request.ctx, request.body),
  );

  app.get(
    '/api/v1/admin/outbox',
    {
      config: { policy: 'outbox.read' },
      schema: {
        tags: ['admin'],
        summary: 'E-mails the practice has sent or queued: recipient, kind and delivery only',
        description:
          'Never the subject or text: invitation and reset links are minted when the e-mail is sent and are not stored anywhere. Each read is audited.',
        querystring: listOutboxQuery,
        response: { 200: itemsSchema(outboxEmailSchema), ...errors },
      },
    },
    async (request) => ({ items: await listOutbox(request.ctx, request.query.limit) }),
  );

  app.get(
    '/api/v1/admin/audit/verify',
    {
      config: { policy: 'audit.verify' },
      schema: {
        tags: ['admin'],
        summary: "Verify the practice's hash-chained audit log",
        response: {
          200: auditVerificationSchema,
          ...errors,
          500: problemSchema,
        },
      },
    },
    async (request) => verifyPracticeAuditChain(request.ctx),
  );
};
