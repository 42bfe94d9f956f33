import type { SupervisionPart } from '@throughline/contracts';

/** The sections of the supervisor's read-only view, in the order the page shows them. */
export type SupervisedSection = 'notes' | 'scores' | 'goals' | 'boundary-log';

const ORDER: readonly SupervisedSection[] = ['notes', 'scores', 'goals', 'boundary-log'];

/**
 * What the supervisor's page shows: exactly the parts the client's live consent shares (the
 * server decides access; the page only leaves out what it would be refused anyway).
 */
export function supervisedSections(shares: readonly SupervisionPart[]): SupervisedSection[] {
  return ORDER.filter((s) => shares.includes(s));
}
