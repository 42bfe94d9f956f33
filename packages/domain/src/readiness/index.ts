// The readiness review (issue 11): the evidence for ending and both sides' view of it.
export { loadBriefReadiness } from './brief-section';
export { gatherEvidence } from './evidence';
export { giveReadinessView } from './give-view';
export { buildReadiness, readReadiness } from './read-readiness';
export { readinessWordsPurpose } from './repository';
