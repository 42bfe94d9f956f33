import { chromium } from 'playwright-core';
import { freshTotp } from './support/session';

const URL = 'http://127.0.0.1:4567';
const step = process.argv[2];
const offset = Number(process.env.OFFSET ?? '0');
const now = () => new Date(Date.now() + offset);
async function main() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const who = process.argv[3] ?? 'maya';
  const width = who === 'sam' ? 390 : 1280;
  const ctx = await browser.newContext({ baseURL: URL, viewport: { width, height: 900 } });
  if (offset) await ctx.clock.setFixedTime(now());
  const page = await ctx.newPage();
  page.setDefaultTimeout(15000);
  await page.goto('/sign-in');
  const email = who === 'sam' ? 'sam@demo.throughline.test' : 'maya@demo.throughline.test';
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('throughline-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (who === 'maya') {
    await page
      .getByLabel('Authentication code')
      .fill(await freshTotp(email + Math.random(), 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BA', now()));
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await page.waitForTimeout(1500);
  const mod = await import(`/tmp/exp-steps/${step}.ts`);
  try {
    await mod.default(page);
  } finally {
    await page.screenshot({ path: `/tmp/shots/${step}.png`, fullPage: false });
    // biome-ignore lint: exploration
    console.log(
      (await page.locator('body').innerText()).slice(
        Number(process.env.FROM ?? 0),
        Number(process.env.FROM ?? 0) + 6000,
      ),
    );
    await browser.close();
  }
}
main();
