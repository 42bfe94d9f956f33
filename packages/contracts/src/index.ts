// The shapes the API speaks and the pure rules both sides share. Routes validate with these
// schemas and publish them as OpenAPI; domain use-cases return their inferred types; the web
// app imports only this package (and @throughline/clinical) for shapes and rules.
// One file per module; add an `export *` line per file.

export * from './access-report';
export * from './admin';
export * from './appointments';
export * from './brief';
export * from './calendar';
export * from './carry-forward';
export * from './caseload';
export * from './check-ins';
export * from './clients';
export * from './common';
export * from './consent';
export * from './consent-texts';
export * from './contact';
export * from './continuity-kit';
export * from './ending-plan';
export * from './ending-summary';
export * from './endings';
export * from './episodes';
export * from './goals';
export * from './health';
export * from './identity';
export * from './measure-tasks';
export * from './measures';
export * from './moving-in';
export * from './notes';
export * from './phases';
export * from './portal';
export * from './practice-instruments';
export * from './readiness';
export * from './record-copy';
export * from './record-import';
export * from './risk-phrases';
export * from './sessions';
export * from './supervision';
export * from './timeline';
export type { Wire } from './wire';
export * from './zone-names';
