import { describe, expect, it } from 'vitest';
import { JO_PLAN } from './ending-plan';
import { JO_SUMMARY } from './first-course';

/** Jordan Lee goes by Jo (she/her); her summary speaks to her by that name (seed.ts). */
describe("the demo's ending summary for Jo", () => {
  it('greets her as Jo and never misgenders her', () => {
    expect(JO_SUMMARY.greeting).toMatch(/^Dear Jo,/);
    const text = JSON.stringify({ JO_SUMMARY, JO_PLAN });
    expect(text).not.toMatch(/\bJordan\b/);
    expect(text.match(/\b(he|him|his|himself|they|them|their|themselves)\b/gi)).toBeNull();
  });
});
