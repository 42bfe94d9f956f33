import { z } from 'zod';

/** A private iCalendar feed URL: the URL is the credential, shown once. */
export const calendarFeedSchema = z.object({ url: z.string() });
export type CalendarFeed = z.output<typeof calendarFeedSchema>;

export const calendarTokenParam = z.strictObject({ token: z.string().min(20).max(100) });
