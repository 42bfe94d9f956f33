import {
  ATTACHMENT_MAX_BYTES,
  acceptContactAgreementRequest,
  attachmentSchema,
  contactAgreementSchema,
  contactDefaultsSchema,
  crisisResourcesRequest,
  crisisResourcesSchema,
  errors,
  markReadSchema,
  messageAttachmentParams,
  messageListSchema,
  problemSchema,
  proposeContactAgreementRequest,
  sendMessageRequest,
  sentMessageSchema,
  uuidParam,
} from '@throughline/contracts';
import {
  acceptContactAgreement,
  getContactAgreement,
  getContactDefaults,
  getCrisisResources,
  listMessages,
  markMessagesRead,
  proposeContactAgreement,
  readMessageAttachment,
  sendMessage,
  updateCrisisResources,
  uploadMessageAttachment,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptOneFile, contentDisposition, readOneFile } from './uploads';

const conflict = { 409: problemSchema };

/** The contact agreement, secure messages and the practice's crisis resources (issue 10). */
export const contactRoutes: FastifyPluginAsyncZod = async (app) => {
  await acceptOneFile(app);

  app.post(
    '/api/v1/episodes/:id/messages/attachments',
    {
      config: { policy: 'message.attach' },
      schema: {
        tags: ['contact'],
        summary: `Upload one file to send with your next message (multipart/form-data, at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB): audio, plain text or PDF`,
        consumes: ['multipart/form-data'],
        params: uuidParam,
        response: {
          201: attachmentSchema,
          ...errors,
          409: problemSchema,
          413: problemSchema,
          415: problemSchema,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await uploadMessageAttachment(request.ctx, request.params.id, await readOneFile(request)),
        ),
  );

  app.get(
    '/api/v1/episodes/:id/messages/attachments/:attachmentId',
    {
      config: { policy: 'message.attachment.read' },
      schema: {
        tags: ['contact'],
        summary: "Download a message's file (the episode's therapist and client)",
        params: messageAttachmentParams,
        response: { 200: z.unknown().describe('The file, with its media type'), ...errors },
      },
    },
    async (request, reply) => {
      const file = await readMessageAttachment(
        request.ctx,
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
  app.get(
    '/api/v1/episodes/:id/contact-agreement',
    {
      config: { policy: 'contact-agreement.read' },
      schema: {
        tags: ['contact'],
        summary:
          "The current contact agreement version: its terms, the therapist's hours in the client's zone, who accepted when (404 when none)",
        params: uuidParam,
        response: { 200: contactAgreementSchema, ...errors },
      },
    },
    async (request) => getContactAgreement(request.ctx, request.params.id),
  );

  app.post(
    '/api/v1/episodes/:id/contact-agreement',
    {
      config: { policy: 'contact-agreement.propose' },
      schema: {
        tags: ['contact'],
        summary:
          'Propose a new version of the contact agreement (the therapist; counts as their acceptance). Texts left out take the practice defaults',
        params: uuidParam,
        body: proposeContactAgreementRequest,
        response: { 201: contactAgreementSchema, ...errors, ...conflict },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await proposeContactAgreement(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/episodes/:id/contact-agreement/accept',
    {
      config: { policy: 'contact-agreement.accept' },
      schema: {
        tags: ['contact'],
        summary: 'Accept the version you read; an outdated version is refused (409)',
        params: uuidParam,
        body: acceptContactAgreementRequest,
        response: { 200: contactAgreementSchema, ...errors, ...conflict },
      },
    },
    async (request) => acceptContactAgreement(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/v1/contact-defaults',
    {
      config: { policy: 'contact-defaults.read' },
      schema: {
        tags: ['contact'],
        summary: "The practice's starting point for a contact agreement",
        response: { 200: contactDefaultsSchema, ...errors },
      },
    },
    async (request) => getContactDefaults(request.ctx),
  );

  app.get(
    '/api/v1/episodes/:id/messages',
    {
      config: { policy: 'message.list' },
      schema: {
        tags: ['contact'],
        summary: "The episode's messages, oldest first: its therapist and its client only",
        params: uuidParam,
        response: { 200: messageListSchema, ...errors },
      },
    },
    async (request) => listMessages(request.ctx, request.params.id),
  );

  app.post(
    '/api/v1/episodes/:id/messages',
    {
      config: { policy: 'message.send' },
      schema: {
        tags: ['contact'],
        summary:
          "Send a message within the accepted contact agreement; outside the therapist's hours the answer carries the auto-reply, after risk language crisis resources",
        params: uuidParam,
        body: sendMessageRequest,
        response: { 201: sentMessageSchema, ...errors, ...conflict },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await sendMessage(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/episodes/:id/messages/read',
    {
      config: { policy: 'message.mark-read' },
      schema: {
        tags: ['contact'],
        summary: "Mark the other party's messages in the episode read",
        params: uuidParam,
        response: { 200: markReadSchema, ...errors },
      },
    },
    async (request) => markMessagesRead(request.ctx, request.params.id),
  );

  app.get(
    '/api/v1/crisis-resources',
    {
      config: { policy: 'crisis-resources.read' },
      schema: {
        tags: ['contact'],
        summary: "The practice's crisis resources (`verified: false` while they are the defaults)",
        response: { 200: crisisResourcesSchema, ...errors },
      },
    },
    async (request) => getCrisisResources(request.ctx),
  );

  app.put(
    '/api/v1/crisis-resources',
    {
      config: { policy: 'crisis-resources.update' },
      schema: {
        tags: ['contact'],
        summary: 'Set the crisis resources after verifying them for the practice locale',
        body: crisisResourcesRequest,
        response: { 200: crisisResourcesSchema, ...errors },
      },
    },
    async (request) => updateCrisisResources(request.ctx, request.body),
  );
};
