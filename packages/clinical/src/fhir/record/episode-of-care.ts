import type { EpisodeOfCare, Extension } from '@medplum/fhirtypes';
import { concept, EXTENSIONS, identifierSystem, instant, SYSTEMS } from './codes';
import type { EpisodeFacts } from './types';

/**
 * FHIR's EpisodeOfCare status for a phase. `waitlist` before the first session would be the
 * closest for intake, but an intake episode is already care (assessment), so `active`.
 */
const STATUS: Record<EpisodeFacts['phase'], EpisodeOfCare['status']> = {
  intake: 'active',
  active: 'active',
  ending: 'active',
  aftercare: 'active',
  closed: 'finished',
};

/**
 * One episode (one course of therapy). A return is linked to the episode before it with the
 * project extension `previous-episode` (R4 has no element for "follows"; `referralRequest` names a
 * ServiceRequest, not an earlier episode), so the chain — the relationship — survives the export.
 * The phase itself travels as `type`, in the project's phase code system.
 */
export function toEpisodeOfCare(
  episode: EpisodeFacts,
  refs: { patient: string; organization: string; practitioner: string },
): EpisodeOfCare {
  const extension: Extension[] = [
    // The therapist's label ("Music therapy, 2026"): EpisodeOfCare has no title element.
    { url: EXTENSIONS.episodeTitle, valueString: episode.title },
    ...(episode.previousEpisodeId
      ? [
          {
            url: EXTENSIONS.previousEpisode,
            valueReference: { reference: `EpisodeOfCare/${episode.previousEpisodeId}` },
          },
        ]
      : []),
    ...(episode.ending
      ? [
          {
            url: EXTENSIONS.ending,
            extension: [
              { url: 'kind', valueCode: episode.ending.kind },
              { url: 'recorded', valueDateTime: instant(episode.ending.recordedAt) },
            ],
          },
        ]
      : []),
  ];
  return {
    resourceType: 'EpisodeOfCare',
    id: episode.id,
    ...(extension.length > 0 ? { extension } : {}),
    identifier: [{ system: identifierSystem('episode'), value: episode.id }],
    status: STATUS[episode.phase],
    type: [concept(SYSTEMS.episodePhase, episode.phase)],
    patient: { reference: refs.patient },
    managingOrganization: { reference: refs.organization },
    careManager: { reference: refs.practitioner },
    period: {
      start: instant(episode.openedAt),
      ...(episode.closedAt ? { end: instant(episode.closedAt) } : {}),
    },
  };
}
