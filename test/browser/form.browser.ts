import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.mjs';

/**
 * The demo form in a real browser: headless Chromium (Debian's package; `CHROMIUM_PATH` overrides the
 * path) drives examples/form/ served from the repository on loopback, with the built browser bundle.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const SCREENSHOTS = join(ROOT, 'test-results');

let server: Server;
let browser: Browser;
let page: Page;
let base: string;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'browser', 'zhicheng.js'))) throw new Error('build first: npm run build');
  ({ server, url: base } = await serve());
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}/examples/form/index.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 }).catch((error) => {
    throw new Error(`${error.message}\npage errors: ${errors.join('\n')}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const status = (id: string) => page.getAttribute(`[data-condition="${id}"]`, 'data-status');
const field = (path: string) => page.locator(`#profile [data-path="${path}"]`);

describe('the demo form', () => {
  it('starts with every condition of the Shizuishan notice, undecided ones unknown', async () => {
    const shizuishan = JSON.parse(readFileSync(join(ROOT, 'rules', 'shizuishan-2024', 'ruleset.json'), 'utf8')) as { conditions: unknown[] };
    expect(await page.locator('[data-condition]').count()).toBe(shizuishan.conditions.length);
    expect(await status('not-retired')).toBe('unknown');
    expect(await page.locator('#outcome .label').textContent()).toBe('信息不全,尚无法判断');
  });

  it('turns a condition from unknown to pass as a field is filled', async () => {
    await field('status.retired').selectOption('false');
    expect(await status('not-retired')).toBe('pass');
  });

  it('shows fail with the right clause, on the condition and next to the field', async () => {
    await field('status.retired').selectOption('true');
    expect(await status('not-retired')).toBe('fail');
    const condition = page.locator('[data-condition="not-retired"]');
    expect(await condition.locator('.clause').textContent()).toBe('二、(一)1');
    expect(await condition.locator('.quote').textContent()).toBe('离退休人员、公务员(含参照公务员法管理人员)不得申报职称评审');
    const issue = page.locator('label:has([data-path="status.retired"]) .field-issue');
    expect(await issue.textContent()).toContain('二、(一)1');
    expect(await page.locator('#outcome .label').textContent()).toBe('不符合申报条件');
  });

  it('updates the next questions as fields are answered', async () => {
    await field('status.retired').selectOption('false');
    // Where the employer is decides whether the notice applies at all: asked first, answered with a code.
    const first = await page.locator('#questions .question').first().getAttribute('data-path');
    expect(first).toBe('employment.divisionCode');
    await field('employment.divisionCode').selectOption('640221');
    expect(await page.locator('#questions .question').first().getAttribute('data-path')).toBe('application.targetLevel');
    await field('application.targetLevel').selectOption('deputy_senior');
    const paths = await page.locator('#questions .question').evaluateAll((items) => items.map((item) => item.getAttribute('data-path')));
    expect(paths).not.toContain('application.targetLevel');
    expect(paths).toContain('continuingEducation');
  });

  it('follows a whole application to its outcome, and looks like something a person would use', async () => {
    await field('application.series').selectOption('engineering');
    await field('application.committeeSeries').selectOption('engineering');
    // After 30 June is a review, not a failure: the notice's date is 原则上 and evaluating units may adjust it.
    await field('application.submittedOn').fill('2024-07-10');
    expect(await status('online-application-deadline')).toBe('review');
    await field('application.submittedOn').fill('2024-06-12');
    expect(await status('online-application-deadline')).toBe('pass');
    await field('titles.0.level').selectOption('intermediate');
    await field('titles.0.obtainedOn').fill('2016-07-01');
    expect(await status('tenure-deputy-senior')).toBe('pass');
    for (const year of [2019, 2020, 2021, 2022, 2023]) {
      await page.locator(`[data-ce-year="${year}"][data-ce-field="publicHours"]`).fill('20');
      await page.locator(`[data-ce-year="${year}"][data-ce-field="professionalHours"]`).fill('55');
    }
    expect(await status('ce-senior-public')).toBe('pass');
    expect(await status('ce-senior-professional')).toBe('fail');
    expect(await page.locator('[data-condition="ce-senior-professional"] .message').textContent()).toBe('继续教育专业课 275 学时,要求不少于 300 学时');
    expect(await page.locator('#outcome .reasons').textContent()).toContain('二、(一)3 副高级及以上:近5年专业课学时');
    await page.mouse.wheel(0, -10_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'form.png'), fullPage: false });
  });

  it('says when a notice does not cover the applicant, rather than failing them', async () => {
    await page.locator('#rule-set').selectOption('beijing-2024');
    await page.waitForSelector('body[data-rule-set="beijing-2024"]');
    await field('application.series').selectOption('health');
    expect(await page.locator('#outcome .label').textContent()).toBe('不属于本通知的适用范围');
    expect(await page.locator('[data-status="fail"]').count()).toBe(0);
  });

  it('and when the applicant works outside its territory', async () => {
    await field('application.series').selectOption('engineering');
    await field('employment.engagement').selectOption('employee');
    await field('employment.divisionCode').selectOption('640104'); // 银川, not 石嘴山
    await page.locator('#rule-set').selectOption('shizuishan-2024');
    await page.waitForSelector('body[data-rule-set="shizuishan-2024"]');
    expect(await page.locator('#outcome .label').textContent()).toBe('不属于本通知的适用范围');
    expect(await page.locator('[data-status="fail"]').count()).toBe(0);
  });
});
