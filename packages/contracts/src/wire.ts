/**
 * What a response looks like once it has crossed HTTP as JSON: the server's schemas speak of
 * `Date`, the browser receives an ISO string. The web app reads every answer as `Wire<…>` of
 * the contract's output type, so a field the contract does not have fails the web build.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
