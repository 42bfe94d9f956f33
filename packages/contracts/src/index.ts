// The shapes the API speaks and the pure rules both sides share. Routes validate with these
// schemas and publish them as OpenAPI; domain use-cases return their inferred types; the web
// app imports only this package (and @throughline/clinical) for shapes and rules.
// One file per module; add an `export *` line per file.

export * from './brief';
export * from './carry-forward';
export * from './common';
export * from './goals';
export * from './measure-tasks';
export * from './measures';
export * from './notes';
export * from './phases';
export type { Wire } from './wire';
