// The same-run baseline: a bare Fastify + pg server on the same PostgreSQL as the app, doing one
// primary-key read or one insert per request, with the app's pool size. Every app figure is
// reported as a ratio to it, because the machine is shared and noisy.
import Fastify, { type FastifyInstance } from 'fastify';
import type pg from 'pg';

export const BASELINE_TABLE = 'bench_baseline_inserts';

export async function startBaseline(
  pool: pg.Pool,
  practiceId: string,
): Promise<{ base: string; close: () => Promise<void> }> {
  await pool.query(
    `CREATE TABLE IF NOT EXISTS ${BASELINE_TABLE} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      practice_id uuid NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
  );
  const app: FastifyInstance = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/read/:id', async (request) => {
    const result = await pool.query(
      'SELECT id, display_name, time_zone FROM clients WHERE practice_id = $1 AND id = $2',
      [practiceId, request.params.id],
    );
    return result.rows[0] ?? {};
  });
  app.post<{ Body: { body: string } }>('/insert', async (request, reply) => {
    const result = await pool.query(
      `INSERT INTO ${BASELINE_TABLE} (practice_id, body) VALUES ($1, $2) RETURNING id`,
      [practiceId, request.body.body],
    );
    return reply.code(201).send({ id: String(result.rows[0]?.id) });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await pool.query(`DROP TABLE IF EXISTS ${BASELINE_TABLE}`);
    },
  };
}
