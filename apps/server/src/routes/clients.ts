import {
  cursorParam,
  displayName,
  email,
  errors,
  problemSchema,
  uuidParam,
} from '@throughline/contracts';
import {
  getClient,
  inviteClient,
  isCalendarDate,
  isTimeZone,
  listClients,
  updateClient,
  updatePortalPreferences,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const shortText = z.string().trim().min(1).max(200);
const pronouns = z.string().trim().min(1).max(60);
const phone = z
  .string()
  .trim()
  .regex(
    /^\+?[0-9][0-9 ()./-]{2,39}$/,
    'Use digits, spaces and + ( ) - . only, e.g. +44 20 7946 0958.',
  );
const dateOfBirth = z
  .string()
  .refine(isCalendarDate, 'Use a real date written YYYY-MM-DD.')
  .describe('YYYY-MM-DD, not in the future');
const timeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, 'Use an IANA time zone such as Europe/London.');
const emergencyContact = z.strictObject({
  name: shortText,
  phone,
  relationship: z.string().trim().min(1).max(100),
});
const safeContactChanges = z.strictObject({
  mayEmail: z.boolean().optional().describe('May the practice e-mail this client at all?'),
  emailMayIncludeDetails: z
    .boolean()
    .optional()
    .describe('May e-mails say more than "you have something new in your portal"?'),
  remindersEnabled: z.boolean().optional(),
});
const safeContact = z.object({
  mayEmail: z.boolean(),
  emailMayIncludeDetails: z.boolean(),
  remindersEnabled: z.boolean(),
});

const client = z.object({
  id: z.uuid(),
  displayName: z.string(),
  preferredName: z.string().nullable(),
  pronouns: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  timeZone: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  emergencyContact: z
    .object({ name: z.string(), phone: z.string(), relationship: z.string() })
    .nullable(),
  safeContact,
  status: z.enum(['invited', 'active']),
  therapistId: z.uuid(),
  therapistName: z.string(),
  createdAt: z.date(),
});

export const clientRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/clients',
    {
      config: { policy: 'client.list' },
      schema: {
        tags: ['clients'],
        summary: 'The clients the caller may see (a therapist: their caseload), newest first',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: cursorParam.optional(),
        }),
        response: {
          200: z.object({ items: z.array(client), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => listClients(request.ctx, request.query),
  );

  app.post(
    '/api/v1/clients',
    {
      config: { policy: 'client.create' },
      schema: {
        tags: ['clients'],
        summary: 'Add a client to your caseload and invite them to the portal by e-mail',
        description:
          'The invitation is not sent when `invite` is false, nor when the client may not be e-mailed (`safeContact.mayEmail: false`); `invitationSent` says which happened. The time zone defaults to the practice’s.',
        body: z.strictObject({
          displayName,
          email,
          preferredName: shortText.optional(),
          pronouns: pronouns.optional(),
          dateOfBirth: dateOfBirth.optional(),
          timeZone: timeZone.optional(),
          phone: phone.optional(),
          emergencyContact: emergencyContact.optional(),
          safeContact: safeContactChanges.optional(),
          invite: z.boolean().default(true),
        }),
        response: {
          201: client.extend({ invitationSent: z.boolean() }),
          ...errors,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => reply.code(201).send(await inviteClient(request.ctx, request.body)),
  );

  app.get(
    '/api/v1/clients/:id',
    {
      config: { policy: 'client.read' },
      schema: {
        tags: ['clients'],
        summary: 'One client (404 when it is not yours to see)',
        params: uuidParam,
        response: { 200: client, ...errors },
      },
    },
    async (request) => getClient(request.ctx, request.params.id),
  );

  app.patch(
    '/api/v1/clients/:id',
    {
      config: { policy: 'client.update' },
      schema: {
        tags: ['clients'],
        summary: "Change a client's details (not the e-mail address, which is their login)",
        description: 'Send only the fields to change; `null` clears an optional field.',
        params: uuidParam,
        body: z.strictObject({
          displayName: displayName.optional(),
          preferredName: shortText.nullable().optional(),
          pronouns: pronouns.nullable().optional(),
          dateOfBirth: dateOfBirth.nullable().optional(),
          timeZone: timeZone.optional(),
          phone: phone.nullable().optional(),
          emergencyContact: emergencyContact.nullable().optional(),
          safeContact: safeContactChanges.optional(),
        }),
        response: { 200: client, ...errors },
      },
    },
    async (request) => updateClient(request.ctx, request.params.id, request.body),
  );

  app.patch(
    '/api/v1/portal/preferences',
    {
      config: { policy: 'portal.update' },
      schema: {
        tags: ['portal'],
        summary: 'The client sets how the practice may contact them and their time zone',
        body: z.strictObject({
          timeZone: timeZone.optional(),
          safeContact: safeContactChanges.optional(),
        }),
        response: {
          200: z.object({ timeZone: z.string(), safeContact }),
          ...errors,
        },
      },
    },
    async (request) => updatePortalPreferences(request.ctx, request.body),
  );
};
