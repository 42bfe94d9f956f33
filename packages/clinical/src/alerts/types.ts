/** Every alert records the rule that fired, its version, its inputs and its source (CLINICAL.md §4). */
export type Alert = {
  rule: string;
  version: string;
  inputs: Record<string, unknown>;
  source: string;
};

export const ALERT_RULES_VERSION = '1';
