import type { CalendarFeed } from '@throughline/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { type AccessContext, actsAsClient, roleMay, type SignedIn, signedIn } from '../access';
import { listVisibleAppointments } from '../appointments';
import { recordAudit } from '../audit';
import { clients } from '../clients/tables';
import { practices, users } from '../identity/tables';
import { AppError } from '../shared/errors';
import { hashToken, randomToken } from '../shared/secrets';
import { inTransaction } from '../shared/transaction';
import { calendarFeeds } from './tables';
import { vtimezone } from './vtimezone';

export type IssuedFeed = CalendarFeed;

const feedUrl = (publicUrl: string, token: string) => `${publicUrl}/api/v1/calendar/${token}.ics`;

/**
 * A new private iCalendar feed URL for the caller (therapist or client). The token is the
 * credential, so it is shown once and stored hashed; the caller's previous feed is revoked.
 */
export async function issueCalendarFeed(ctx: AccessContext): Promise<IssuedFeed> {
  const actor = signedIn(ctx);
  const token = randomToken();
  await inTransaction(ctx.services.db, async (tx) => {
    const now = ctx.services.now();
    await tx
      .update(calendarFeeds)
      .set({ revokedAt: now })
      .where(
        and(
          eq(calendarFeeds.practiceId, actor.practiceId),
          eq(calendarFeeds.userId, actor.userId),
          isNull(calendarFeeds.revokedAt),
        ),
      );
    const [feed] = await tx
      .insert(calendarFeeds)
      .values({ practiceId: actor.practiceId, userId: actor.userId, tokenHash: hashToken(token) })
      .returning({ id: calendarFeeds.id });
    await recordAudit(tx, ctx, {
      action: 'calendar.feed.create',
      resourceType: 'calendar_feed',
      resourceId: feed?.id ?? null,
      outcome: 'success',
    });
  });
  return { url: feedUrl(ctx.services.publicUrl, token) };
}

/** Revokes the caller's feed; its URL answers 404 from now on. */
export async function revokeCalendarFeed(ctx: AccessContext): Promise<void> {
  const actor = signedIn(ctx);
  await inTransaction(ctx.services.db, async (tx) => {
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: ctx.services.now() })
      .where(
        and(
          eq(calendarFeeds.practiceId, actor.practiceId),
          eq(calendarFeeds.userId, actor.userId),
          isNull(calendarFeeds.revokedAt),
        ),
      )
      .returning({ id: calendarFeeds.id });
    await recordAudit(tx, ctx, {
      action: 'calendar.feed.revoke',
      resourceType: 'calendar_feed',
      outcome: 'success',
      detail: { count: revoked.length },
    });
  });
}

/** How far back the feed reaches; everything scheduled ahead is included. */
const FEED_PAST_DAYS = 90;
const FEED_LIMIT = 2000;

/**
 * The feed behind a token: the owner's sessions as iCalendar, in the owner's time zone, with no
 * clinical content (a summary, the time, the status — never notes, episode titles or reasons).
 */
export async function readCalendarFeed(ctx: AccessContext, token: string): Promise<string> {
  const { db, now } = ctx.services;
  return inTransaction(db, async (tx) => {
    const [feed] = await tx
      .select({
        id: calendarFeeds.id,
        practiceId: calendarFeeds.practiceId,
        userId: calendarFeeds.userId,
        role: users.role,
        practiceZone: practices.timeZone,
        clientZone: clients.timeZone,
      })
      .from(calendarFeeds)
      .innerJoin(
        users,
        and(eq(users.practiceId, calendarFeeds.practiceId), eq(users.id, calendarFeeds.userId)),
      )
      .innerJoin(practices, eq(practices.id, calendarFeeds.practiceId))
      .leftJoin(
        clients,
        and(eq(clients.practiceId, users.practiceId), eq(clients.userId, users.id)),
      )
      .where(
        and(
          eq(calendarFeeds.tokenHash, hashToken(token)),
          isNull(calendarFeeds.revokedAt),
          isNull(users.disabledAt),
        ),
      );
    if (!feed || !roleMay(feed.role, 'calendar.feed.manage')) {
      throw new AppError('NOT_FOUND', 'No calendar feed with that address was found.');
    }
    // The token stands for its owner, for this read only.
    const owner: SignedIn = {
      kind: 'user',
      userId: feed.userId,
      practiceId: feed.practiceId,
      role: feed.role,
      stage: 'complete',
      twoFactorVerified: false,
      via: 'token',
    };
    const from = new Date(now().getTime() - FEED_PAST_DAYS * 86_400_000);
    const rows = await listVisibleAppointments(tx, owner, { from }, FEED_LIMIT);
    await recordAudit(tx, ctx, {
      practiceId: feed.practiceId,
      actorUserId: feed.userId,
      action: 'calendar.feed.read',
      resourceType: 'calendar_feed',
      resourceId: feed.id,
      outcome: 'success',
      detail: { count: rows.length },
    });
    const zone = actsAsClient(owner) ? (feed.clientZone ?? 'UTC') : feed.practiceZone;
    const year = now().getUTCFullYear();
    const calendar = ical({
      name: 'Throughline sessions',
      prodId: { company: 'Throughline', product: 'sessions', language: 'EN' },
      timezone: { name: zone, generator: (tz) => vtimezone(tz, year - 1, year + 2) },
    });
    for (const row of rows) {
      calendar.createEvent({
        id: `${row.id}@throughline`,
        // Luxon values in the zone: a plain Date would be formatted in the server's own zone.
        start: DateTime.fromJSDate(row.startsAt, { zone }),
        end: DateTime.fromJSDate(row.endsAt, { zone }),
        timezone: zone,
        stamp: row.createdAt,
        summary: actsAsClient(owner) ? 'Therapy session' : `Session — ${row.clientName}`,
        status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        description: row.modality === 'in-person' ? null : `By ${row.modality}.`,
      });
    }
    return calendar.toString();
  });
}
