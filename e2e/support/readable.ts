/**
 * What a person should never read on a screen (issue 9): data written for machines. Each rule
 * names what it found, so a failing walk says which words to rewrite.
 */
type Rule = { name: string; pattern: RegExp };

const RULES: readonly Rule[] = [
  // `{"level":0` or `["Listen` — a serialised object or array.
  { name: 'raw JSON', pattern: /[{[]\s*"[^"\n]{1,40}"\s*[:,\]]/g },
  // 2026-11-17T14:25:36 — a timestamp as the server sends it.
  { name: 'ISO timestamp', pattern: /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g },
  // A value that was never filled in, printed as a word.
  { name: 'undefined or null', pattern: /\b(?:undefined|null|NaN|\[object Object\])\b/g },
  // practice_admin, no_show, session_feedback — an enum as the code names it.
  { name: 'internal code', pattern: /\b[a-z]+(?:_[a-z]+)+\b/g },
  // SESSION-FEEDBACK, PRACTICE_ADMIN — a code in capitals longer than an instrument's short name.
  { name: 'internal code', pattern: /\b[A-Z]{3,}(?:[-_][A-Z]{3,})+\b/g },
  // phq-9, gad-7, core-10 — a questionnaire by its key, not the name people know it by.
  { name: 'instrument key', pattern: /\b(?:phq|gad|pcl|who|core|k)-\d+\b/g },
  // America/New_York — a time zone as the IANA database names it, not as people say it.
  {
    name: 'time-zone identifier',
    pattern: /\b(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Za-z_]+/g,
  },
];

export type Unreadable = { rule: string; text: string };

/** Every piece of `text` that one of the rules finds, with some context around it. */
export function findUnreadable(text: string): Unreadable[] {
  const found: Unreadable[] = [];
  for (const { name, pattern } of RULES) {
    for (const match of text.matchAll(pattern)) {
      const start = Math.max(0, (match.index ?? 0) - 30);
      const context = text.slice(start, (match.index ?? 0) + match[0].length + 30);
      found.push({ rule: name, text: context.replace(/\s+/g, ' ').trim() });
    }
  }
  return found;
}
