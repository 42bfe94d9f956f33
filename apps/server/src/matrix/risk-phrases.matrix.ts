import { sql } from 'drizzle-orm';
import type { Harness } from '../testing/harness';
import { type ActorKey, type MatrixRow, type ModuleMatrix, statuses } from '../testing/matrix';

let h: Harness;

/** The practice's newest saved version, so each administrator's save is made from it. */
async function currentVersion(who: ActorKey): Promise<number> {
  if (who === 'anonymous') return 0;
  const r = await h.services.db.execute<{ v: number }>(
    sql`SELECT coalesce(max(version), 0)::int AS v FROM risk_phrase_lists WHERE practice_id = ${h.cast[who].practiceId}`,
  );
  return r.rows[0]?.v ?? 0;
}

/** The risk-language phrase lists (issue 10): staff read them, an administrator changes them. */
export const matrix: ModuleMatrix = {
  name: 'risk-phrases',
  setup: async (ctx) => {
    h = ctx.h;
  },
  rows: () => ROWS,
};

const ROWS: MatrixRow[] = [
  //                                                 anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'GET /api/v1/risk-phrases',
    expect: statuses(401, 403, 403, 200, 200, 200, 200, 200),
  },
  {
    route: 'PUT /api/v1/risk-phrases',
    body: async (who) => ({
      basedOnVersion: await currentVersion(who),
      languages: [{ language: 'en', phrases: ['walk into the sea'] }],
    }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200, 200),
  },
];
