import type { Alert } from '../alerts/types';
import type { RiskLanguageResult } from './types';

/**
 * The `risk-language` alert of a screened message (issue 10), or null when nothing matched. The
 * inputs name the matched phrase (the first one not negated, else the first), every phrase found,
 * whether they were negated and the list version, so the therapist sees exactly what fired. An
 * un-negated match is urgent; negated matches only are a warning (see `screenRiskLanguage`).
 */
export function riskLanguageAlert(
  result: RiskLanguageResult,
): (Alert & { severity: 'urgent' | 'warning' }) | null {
  if (result.level === 'none') return null;
  const lead = result.matches.find((m) => !m.negated) ?? result.matches[0];
  if (!lead) return null;
  return {
    rule: 'risk-language',
    version: result.listVersion,
    severity: result.level === 'urgent' ? 'urgent' : 'warning',
    inputs: {
      phrase: lead.phrase,
      negated: result.level === 'negated-only',
      phrases: result.matches.map((m) => m.phrase),
      list: result.listVersion,
    },
    source: `Risk-language phrase list ${result.listVersion} (docs/boundaries.md); a screen, not a risk assessment`,
  };
}
