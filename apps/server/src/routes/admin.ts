import {
  displayName,
  email,
  errors,
  problemSchema,
  roleSchema,
  uuidParam,
} from '@throughline/contracts';
import {
  deactivateUser,
  getMeasureSettings,
  getPractice,
  inviteStaff,
  isTimeZone,
  listOutbox,
  listUsers,
  OUTBOX_KINDS,
  reactivateUser,
  updateMeasureSettings,
  updatePractice,
  verifyPracticeAuditChain,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const user = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  status: z.enum(['invited', 'active', 'locked', 'deactivated']),
  twoFactorEnabled: z.boolean(),
  createdAt: z.date(),
});
const practice = z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() });

const measureSettings = z.object({
  version: z.number().int(),
  enabledInstruments: z.array(z.string()),
  pcl5ReliableChange: z.number().int(),
  pcl5ReliableChangeRange: z.object({ min: z.number().int(), max: z.number().int() }),
  instruments: z.array(
    z.object({ key: z.string(), title: z.string(), enabled: z.boolean(), license: z.string() }),
  ),
});
const timeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, 'Use an IANA time zone such as Europe/London.');

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/users',
    {
      config: { policy: 'user.list' },
      schema: {
        tags: ['admin'],
        summary: "The practice's users",
        response: { 200: z.object({ items: z.array(user) }), ...errors },
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
        body: z.strictObject({
          email,
          displayName,
          role: z.enum(['practice_admin', 'therapist', 'supervisor']),
        }),
        response: { 201: user, ...errors, 409: problemSchema },
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
        response: { 200: user, ...errors, 409: problemSchema },
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
        response: { 200: user, ...errors },
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
        response: { 200: practice, ...errors },
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
        body: z.strictObject({
          name: z.string().trim().min(1).max(200).optional(),
          timeZone: timeZone.optional(),
        }),
        response: { 200: practice, ...errors },
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
        response: { 200: measureSettings, ...errors },
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
        body: z.strictObject({
          enabledInstruments: z.array(z.string().max(64)).max(50).optional(),
          pcl5ReliableChange: z.number().int().optional().describe('5–10 points, default 10'),
        }),
        response: { 200: measureSettings, ...errors },
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
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                to: z.string(),
                kind: z.enum(OUTBOX_KINDS),
                status: z.enum(['pending', 'sent', 'failed', 'cancelled']),
                attempts: z.number().int(),
                createdAt: z.date(),
                sentAt: z.date().nullable(),
                lastError: z.string().nullable(),
              }),
            ),
          }),
          ...errors,
        },
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
          200: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            unsealed: z.number().int(),
            oldestUnsealedAt: z.date().nullable(),
            firstBadEventId: z.string().nullable(),
            reason: z.string().nullable(),
          }),
          ...errors,
          500: problemSchema,
        },
      },
    },
    async (request) => verifyPracticeAuditChain(request.ctx),
  );
};
