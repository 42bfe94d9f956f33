import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Services } from '@throughline/domain';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerAccess } from './plugins/access';
import { registerNoStore } from './plugins/caching';
import { registerInputGuard } from './plugins/input-guard';
import type { LogFormat } from './plugins/log-format';
import { loggerOptions } from './plugins/logging';
import { registerProblemHandlers } from './plugins/problems';
import { registerWeb } from './plugins/web';
import { accessReportRoutes } from './routes/access-report';
import { accountRoutes } from './routes/account';
import { adminRoutes } from './routes/admin';
import { appointmentRoutes } from './routes/appointments';
import { authRoutes } from './routes/auth';
import { briefRoutes } from './routes/brief';
import { calendarRoutes } from './routes/calendar';
import { carryForwardRoutes } from './routes/carry-forward';
import { caseloadRoutes } from './routes/caseload';
import { checkInRoutes } from './routes/check-ins';
import { clientRoutes } from './routes/clients';
import { consentRoutes } from './routes/consent';
import { contactRoutes } from './routes/contact';
import { endingPlanRoutes } from './routes/ending-plan';
import { endingSummaryRoutes } from './routes/ending-summary';
import { endingRoutes } from './routes/endings';
import { episodeRoutes } from './routes/episodes';
import { goalRoutes } from './routes/goals';
import { healthRoutes } from './routes/health';
import { instrumentRoutes, practiceInstrumentRoutes } from './routes/instruments';
import { invitationRoutes } from './routes/invitations';
import { meRoutes } from './routes/me';
import { measureTaskRoutes } from './routes/measure-tasks';
import { measureRoutes } from './routes/measures';
import { movingInRoutes } from './routes/moving-in';
import { noteRoutes } from './routes/notes';
import { psychotherapyNoteRoutes } from './routes/psychotherapy-notes';
import { readinessRoutes } from './routes/readiness';
import { recordCopyRoutes } from './routes/record-copy';
import { recordExportRoutes } from './routes/record-export';
import { recordImportRoutes } from './routes/record-import';
import { riskPhraseRoutes } from './routes/risk-phrases';
import { supervisionRoutes } from './routes/supervision';
import { timelineRoutes } from './routes/timeline';
import { tokenRoutes } from './routes/tokens';

declare module 'fastify' {
  interface FastifyInstance {
    publicUrl: string;
  }
}

export type AppOptions = {
  services: Services;
  logLevel?: string;
  /** `json` unless said (start chooses by LOG_FORMAT and the terminal). */
  logFormat?: LogFormat;
  /** Where logs go (default stdout); tests capture them to check redaction. */
  logStream?: NodeJS.WritableStream;
  /** Folder of the built web app; omit to serve the API only. */
  webDir?: string | undefined;
  /** Per-address limit on sign-in attempts etc.; raise it only in tests that sign in often. */
  authRateLimit?: number;
  /** Sees every route as registered (after the app's own onRoute hooks); tests walk the table. */
  onRoute?: (route: RouteOptions) => void;
};

export const BODY_LIMIT = 1024 * 1024;

/** Builds the HTTP app around the given services. Tests call this and use `inject`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...loggerOptions({
      level: options.logLevel ?? 'silent',
      format: options.logFormat,
      stream: options.logStream,
    }),
    bodyLimit: BODY_LIMIT,
    genReqId: () => crypto.randomUUID(),
    trustProxy: process.env.THROUGHLINE_TRUST_PROXY === '1',
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('publicUrl', options.services.publicUrl);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  registerNoStore(app);
  registerInputGuard(app);

  // Docs and static assets are open to anyone; every other route declares its own policy.
  app.addHook('onRoute', (route) => {
    if (route.url === '/api/openapi.json' || route.url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), policy: 'docs.read' };
    }
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    max: options.authRateLimit ?? 10,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Too many attempts. Wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`,
    }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Throughline API',
        version: '0.1.0',
        description:
          'Sign in with a session cookie (web) or `Authorization: Bearer <personal API token>` (scripts). Errors are application/problem+json.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'tl_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  registerAccess(app, options.services);
  for (const routes of [
    healthRoutes,
    authRoutes,
    accountRoutes,
    meRoutes,
    accessReportRoutes,
    invitationRoutes,
    clientRoutes,
    movingInRoutes,
    appointmentRoutes,
    calendarRoutes,
    noteRoutes,
    psychotherapyNoteRoutes,
    carryForwardRoutes,
    readinessRoutes,
    episodeRoutes,
    endingRoutes,
    tokenRoutes,
    adminRoutes,
    briefRoutes,
    timelineRoutes,
    caseloadRoutes,
    instrumentRoutes,
    practiceInstrumentRoutes,
    goalRoutes,
    endingSummaryRoutes,
    recordExportRoutes,
    recordCopyRoutes,
    recordImportRoutes,
    measureRoutes,
    measureTaskRoutes,
    consentRoutes,
    supervisionRoutes,
    contactRoutes,
    endingPlanRoutes,
    riskPhraseRoutes,
    checkInRoutes,
  ]) {
    await app.register(routes);
  }
  if (options.webDir) await registerWeb(app, options.webDir);
  return app;
}
