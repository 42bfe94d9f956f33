export { type IssuedFeed, issueCalendarFeed, readCalendarFeed, revokeCalendarFeed } from './feeds';
