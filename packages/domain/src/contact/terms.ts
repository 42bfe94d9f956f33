import {
  type ContactAgreement,
  type ContactDefaults,
  type ContactTerms,
  type CrisisResources,
  contactTermsSchema,
  isTimeZone,
  type ProposeContactAgreement,
} from '@throughline/contracts';
import type { AgreementVersionView, AgreementView } from '../agreements';
import { SAFETY_NET_TEXT } from '../contact-settings';
import { AppError } from '../shared/errors';
import { windowsForViewer } from './hours';

/** Version of the stored content of a `contact-agreement` version. */
export const CONTACT_TERMS_VERSION = 1;

/** The terms to propose: the request, with the practice defaults for every text left out. */
export function termsFrom(
  input: ProposeContactAgreement,
  defaults: ContactDefaults,
): ContactTerms & { v: number } {
  const timeZone = input.timeZone ?? defaults.timeZone;
  if (!isTimeZone(timeZone))
    throw new AppError(
      'VALIDATION_FAILED',
      `"${timeZone}" is not a time zone; use a name such as America/New_York.`,
      [{ path: 'timeZone', message: 'Use an IANA time zone name such as America/New_York.' }],
    );
  return {
    v: CONTACT_TERMS_VERSION,
    channels: input.channels,
    availability: [...input.availability].sort(
      (a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from),
    ),
    responseTimeHours: input.responseTimeHours,
    timeZone,
    purpose: input.purpose ?? defaults.purpose,
    crisis: input.crisis ?? defaults.crisis,
    afterEnding: input.afterEnding ?? defaults.afterEnding,
    safetyNet: SAFETY_NET_TEXT,
  };
}

/** Every required party accepted this version (superseded or not). */
export function bothAccepted(version: AgreementVersionView): boolean {
  return version.parties.every((p) => p.response === 'accepted');
}

/**
 * The version that governs contact: the newest one every party accepted. A change the client has
 * not accepted yet does not cut contact off; the accepted terms hold until it is accepted.
 */
export function governingVersion(view: AgreementView): AgreementVersionView | null {
  return view.versions.find(bothAccepted) ?? null;
}

export function readTerms(version: AgreementVersionView): ContactTerms {
  return contactTermsSchema.parse(version.content);
}

export function toContactAgreement(
  view: AgreementView,
  current: AgreementVersionView,
  context: { clientTimeZone: string; now: Date; crisisResources: CrisisResources },
): ContactAgreement {
  const terms = readTerms(current);
  const answered = current.parties.map((p) => p.respondedAt?.getTime() ?? 0);
  return {
    episodeId: view.episodeId,
    version: current.version,
    state: current.state,
    proposedAt: current.proposedAt,
    terms,
    parties: current.parties.map((p) => ({
      party: p.party,
      response: p.response,
      respondedAt: p.respondedAt,
    })),
    acceptedAt: bothAccepted(current) ? new Date(Math.max(...answered)) : null,
    clientTimeZone: context.clientTimeZone,
    clientAvailability: windowsForViewer(
      terms.availability,
      terms.timeZone,
      context.clientTimeZone,
      context.now,
    ),
    governingVersion: governingVersion(view)?.version ?? null,
    crisisResources: context.crisisResources,
  };
}
