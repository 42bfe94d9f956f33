import { describe, expect, it } from 'vitest';
import { checkTotp } from '../../packages/domain/src/identity/totp';
import { freshTotp, nextTotpStep } from './session';

// The e2e helper must hand out codes the server's own check accepts, in a row, without waiting
// for the clock (issue 8: no sleeps for TOTP windows).
const secret = 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BA';
const other = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const step = 59_000_000;
const at = (seconds: number): Date => new Date(step * 30_000 + seconds * 1000);

describe('fresh TOTP codes for e2e sign-ins', () => {
  it('gives two codes in one step that the server accepts in turn, even if checked after the step ends', async () => {
    // Computed in the last second of a step and checked five seconds later, in the next step.
    const first = await freshTotp('two@example.test', secret, at(29));
    const used = await checkTotp(secret, first, null, at(34));
    expect(used).toBe(step);
    const second = await freshTotp('two@example.test', secret, at(29.5));
    expect(await checkTotp(secret, second, used, at(34.5))).toBe(step + 1);
  });

  it('refuses a third code in the same step at once instead of sleeping', async () => {
    await freshTotp('three@example.test', secret, at(1));
    await freshTotp('three@example.test', secret, at(2));
    await expect(freshTotp('three@example.test', secret, at(3))).rejects.toThrow(/one step ahead/);
    // Half a minute later the next step is free again.
    expect(await freshTotp('three@example.test', secret, at(31))).toHaveLength(6);
  });

  it('keeps counting per person when their secret is replaced', async () => {
    const old = await freshTotp('new-app@example.test', secret, at(10));
    const used = await checkTotp(secret, old, null, at(11));
    const replaced = await freshTotp('new-app@example.test', other, at(12));
    expect(await checkTotp(other, replaced, used, at(13))).toBe(step + 1);
  });

  it('never picks a step before the current one', () => {
    expect(nextTotpStep(undefined, at(0))).toBe(step);
    expect(nextTotpStep(step - 5, at(0))).toBe(step);
  });
});
