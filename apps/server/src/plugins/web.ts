import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built web app; unknown non-API paths get index.html (client-side routing). */
export async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  if (!existsSync(path.join(webDir, 'index.html'))) {
    app.log.warn(`No web app in ${webDir}; run "npm run build:web". Serving the API only.`);
    return;
  }
  // serve: false — only reply.sendFile. Routes registered by the plugin itself would carry no
  // access policy, so the access layer refuses them (403) and the app's scripts never load.
  await app.register(fastifyStatic, { root: webDir, serve: false, index: false });
  const spa = { config: { policy: 'web.read' as const } };
  app.get('/', spa, (_request, reply) => reply.sendFile('index.html'));
  app.get('/*', spa, (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.callNotFound();
    }
    const file = path.join(webDir, path.normalize(request.url.split('?')[0] ?? '/'));
    if (file.startsWith(webDir) && existsSync(file) && !file.endsWith(path.sep)) {
      return reply.sendFile(path.relative(webDir, file));
    }
    return reply.sendFile('index.html');
  });
}
