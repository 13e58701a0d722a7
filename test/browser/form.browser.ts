import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.mjs';
import { evaluate as evaluateInPage } from '../../src/core.js';
import { evaluate, getRuleSet, PROFILE_FIELDS, RULE_SET_IDS, type EligibilityReport } from '../../src/index.js';
import { fixturesOf } from '../support/repo.js';

/**
 * The demo form in a real browser: headless Chromium (Debian's package; `CHROMIUM_PATH` overrides the
 * path) drives examples/form/ served from the repository on loopback, with the built browser bundle.
 * Every bundled notice: its questions focus their fields, fixture applicants get the library's outcome,
 * and an invalid input is shown at its field while everything else is still checked.
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
const statuses = () => page.locator('[data-condition]').evaluateAll((items) => items.map((item) => `${item.getAttribute('data-condition')}=${item.getAttribute('data-status')}`));
const shownOutcome = () => page.getAttribute('#outcome', 'data-outcome');

async function pickNotice(id: string): Promise<void> {
  if ((await page.getAttribute('body', 'data-rule-set')) === id) return;
  await page.locator('#rule-set').selectOption(id);
  await page.waitForSelector(`body[data-rule-set="${id}"]`);
}

async function clear(): Promise<void> {
  await page.locator('#clear').click();
}

/** Answers one input as a person would: a select's option, or typed text. */
async function answer(path: string, value: string): Promise<void> {
  const input = field(path);
  if ((await input.evaluate((element) => element.tagName)) === 'SELECT') await input.selectOption(value);
  else await input.fill(value);
}

/**
 * What the functions run in the page use of it, typed here: the project's TypeScript has no DOM library
 * (the library must not use one), and these few members are all the test needs.
 */
interface PageElement {
  value: string;
  readonly dataset: Record<string, string | undefined>;
  click(): void;
  closest(selector: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): { readonly length: number };
  dispatchEvent(event: unknown): boolean;
}
interface PageGlobals {
  document: { querySelector(selector: string): PageElement | null; activeElement: PageElement | null };
  Event: new (type: string) => unknown;
}

/**
 * Fills a profile into the form through its inputs, in the page (a click and a keystroke per value would
 * take minutes for all the fixtures): lists answered 无 or given entries with their "add" button, every
 * value set on its input, then one change event as a person's last edit would send.
 */
async function fillProfile(profile: unknown): Promise<void> {
  await page.evaluate((profile) => {
    const { document, Event } = globalThis as unknown as PageGlobals;
    const form = document.querySelector('#profile')!;
    const input = (path: string) => {
      const element = form.querySelector(`[data-path="${path}"]`);
      if (!element) throw new Error(`the form has no input for ${path}`);
      return element;
    };
    const fill = (value: unknown, path: string): void => {
      if (Array.isArray(value)) {
        if (value.length === 0) input(path).value = 'none';
        value.forEach((entry, index) => {
          if (form.querySelectorAll(`[data-list="${path}"] > .entries > .entry`).length <= index) form.querySelector(`[data-add-to="${path}"]`)!.click();
          fill(entry, `${path}.${index}`);
        });
      } else if (value !== null && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) fill(child, path ? `${path}.${key}` : key);
      } else if (path !== 'application.jurisdiction') {
        // the notice picker answers application.jurisdiction
        const element = input(path);
        element.value = String(value);
        if (element.value !== String(value)) throw new Error(`${path} does not take ${String(value)}`);
      }
    };
    fill(profile, '');
    form.dispatchEvent(new Event('change'));
  }, profile);
}

/** The element a click left focused: its path, and the year of the list entry it is in. */
const focused = () =>
  page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const element = document.activeElement;
    const year = element?.closest('.entry')?.querySelector('[data-path$=".year"]')?.value;
    return { path: element?.dataset.path, year };
  });

/** Clicks every next question in turn, checking that each focuses the input of its path. */
async function clickEveryQuestion(): Promise<number> {
  const paths = await page.locator('#questions .question').evaluateAll((items) => items.map((item) => item.getAttribute('data-path')!));
  for (const path of paths) {
    const button = page.locator(`#questions .question[data-path="${path}"] button`);
    // a question an earlier click answered (adding a list's entry) is gone, rightly
    if ((await button.count()) === 0) continue;
    await button.click();
    const year = /^(.*)\[year=(\d+)\]$/.exec(path);
    const now = await focused();
    if (year) {
      expect(now.path, path).toMatch(new RegExp(`^${year[1]}\\.\\d+\\.`));
      expect(now.year, path).toBe(year[2]);
    } else {
      expect(now.path, path).toBe(path);
    }
  }
  return paths.length;
}

const generic = (path: string) => path.replace(/\[year=\d+\]$/, '').replace(/\.\d+(?=\.|$)/g, '[]');

describe('the demo form', () => {
  it('has an input for every field of the profile schema, so for every field any notice reads', async () => {
    await clear();
    for (const list of await page.locator('[data-add-to]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-add-to')!))) {
      await page.locator(`[data-add-to="${list}"]`).click();
    }
    const inForm = new Set((await page.locator('#profile [data-path]').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('data-path')!))).map(generic));
    const fields = [...PROFILE_FIELDS.values()].filter((entry) => entry.kind !== 'group').map((entry) => entry.path);
    expect([...inForm].sort()).toEqual(fields.sort());
    for (const id of RULE_SET_IDS) {
      for (const fixture of fixturesOf(id)) {
        const report = evaluate(getRuleSet(id)!, fixture.profile as never);
        for (const path of report.conditions.flatMap((condition) => [...condition.reads, ...condition.missing])) expect(inForm, `${id}: ${path}`).toContain(generic(path));
      }
    }
    await clear();
  });

  it('starts with every condition of the Shizuishan notice, undecided ones unknown', async () => {
    const shizuishan = JSON.parse(readFileSync(join(ROOT, 'rules', 'shizuishan-2024', 'ruleset.json'), 'utf8')) as { conditions: unknown[] };
    expect(await page.locator('[data-condition]').count()).toBe(shizuishan.conditions.length);
    expect(await status('not-retired')).toBe('unknown');
    expect(await page.locator('#outcome .label').textContent()).toBe('信息不全,尚无法判断');
  });

  it('shows fail with the right clause, on the condition and next to the field', async () => {
    await field('status.retired').selectOption('false');
    expect(await status('not-retired')).toBe('pass');
    await field('status.retired').selectOption('true');
    expect(await status('not-retired')).toBe('fail');
    const condition = page.locator('[data-condition="not-retired"]');
    expect(await condition.locator('.clause').textContent()).toBe('二、(一)1');
    expect(await condition.locator('.quote').textContent()).toBe('离退休人员、公务员(含参照公务员法管理人员)不得申报职称评审');
    expect(await page.locator('label:has([data-path="status.retired"]) .field-issue').textContent()).toContain('二、(一)1');
    expect(await page.locator('#outcome .label').textContent()).toBe('不符合申报条件');
    await clear();
  });

  it('shows what a failed condition still needs next to its fields, counted from today', async () => {
    await pickNotice('shizuishan-2024');
    await clear();
    const fixture = fixturesOf('shizuishan-2024').find((each) => each.file.endsWith('/retired-engineer-rehired-senior.json'))!;
    await fillProfile(fixture.profile);
    // The page counts from today, in the browser's time zone; the hours short do not depend on the day.
    const today = await page.evaluate(() => {
      const now = new Date();
      return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    });
    const report = evaluate(getRuleSet('shizuishan-2024')!, fixture.profile as never, { asOf: today });
    const hours = report.conditions.find((condition) => condition.id === 'ce-senior-public')!;
    expect(hours.status).toBe('fail');
    expect(hours.shortfall!.text.zh).toContain('还差 26');
    // Next to every continuing-education input: 「…还差 26(现为 64,要求不少于 90)…」 with its clause.
    const entry = field('continuingEducation.0.publicHours');
    const shortfall = page.locator('label:has([data-path="continuingEducation.0.publicHours"]) .field-shortfall');
    expect(await entry.count()).toBe(1);
    expect(await shortfall.textContent()).toContain(`${hours.citation.clause} ${hours.shortfall!.text.zh}`);
    // A field no failed or open condition needs has none.
    expect(await page.locator('label:has([data-path="name"]) .field-shortfall').count()).toBe(0);
    expect(await page.locator('#outcome .as-of').textContent()).toBe(`按 ${today} 计算`);
    await clear();
  });

  it('lists the routes of a pathway not yet met, nearest first, each with what it still needs', async () => {
    await pickNotice('shizuishan-2024');
    await clear();
    // The 初级 title a day after the cut-off: the normal route is closed, the early one still open.
    const fixture = fixturesOf('shizuishan-2024').find((each) => each.file.endsWith('/second-reading-junior-title-day-after-cutoff.json'))!;
    await fillProfile(fixture.profile);
    const today = await page.locator('#outcome .as-of').textContent().then((text) => /\d{4}-\d\d-\d\d/.exec(text ?? '')![0]);
    const report = evaluate(getRuleSet('shizuishan-2024')!, fixture.profile as never, { asOf: today });
    const unmet = report.pathways.filter((each) => each.status !== 'pass' && each.status !== 'not_applicable');
    expect(unmet.length).toBeGreaterThan(0);
    for (const pathway of unmet) {
      const routes = page.locator(`#outcome .routes[data-pathway="${pathway.id}"] .route`);
      const shown = await routes.evaluateAll((items) => items.map((item) => item.getAttribute('data-route')));
      expect(shown).toEqual(pathway.nearest.filter((id) => pathway.routes.find((route) => route.id === id)!.status !== 'not_applicable'));
      expect(shown.length).toBeGreaterThan(1);
      const first = pathway.routes.find((route) => route.id === shown[0])!;
      const need = report.conditions.find((condition) => condition.id === first.needs[0])!;
      expect(await routes.first().textContent()).toContain(`${need.citation.clause} ${need.title.zh}:${need.shortfall?.text.zh ?? need.message.zh}`);
    }
    await clear();
  });

  it('says when a notice does not cover the applicant, rather than failing them', async () => {
    await pickNotice('beijing-2024');
    await field('application.series').selectOption('health');
    expect(await page.locator('#outcome .label').textContent()).toBe('不属于本通知的适用范围');
    expect(await page.locator('[data-status="fail"]').count()).toBe(0);
    await clear();
  });

  describe.each(RULE_SET_IDS)('with the notice %s', (id) => {
    const fixtures = fixturesOf(id);

    it('focuses the input of every next question, on an empty form and on each fixture applicant', async () => {
      await pickNotice(id);
      await clear();
      expect(await clickEveryQuestion()).toBeGreaterThan(0);
      // the partly filled applicants: their questions include entries of lists (titles.0.obtainedOn …)
      for (const fixture of fixtures.filter((candidate) => evaluateInPage(getRuleSet(id)!, candidate.profile as never).outcome === 'incomplete')) {
        await clear();
        await fillProfile(fixture.profile);
        await clickEveryQuestion();
      }
    }, 240_000);

    it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('shows the library’s outcome for %s', async (_file, fixture) => {
      await pickNotice(id);
      await clear();
      await fillProfile(fixture.profile);
      expect(await page.locator('#input-note').isHidden()).toBe(true);
      // the page evaluates with the core entry, which does not turn place names into division codes
      expect(await shownOutcome()).toBe(evaluateInPage(getRuleSet(id)!, fixture.profile as never).outcome);
    });

    it('shows a negative hour value as the field’s error, and keeps every condition live', async () => {
      const found = fixtures.map((candidate) => ({ fixture: candidate, live: liveField(id, withEmptyEntry(candidate.profile)) })).find((entry) => entry.live);
      const { fixture, live } = found as { fixture: (typeof fixtures)[number]; live: NonNullable<ReturnType<typeof liveField>> };
      await pickNotice(id);
      await clear();
      await fillProfile(fixture.profile);
      await page.locator('[data-add-to="continuingEducation"]').click();
      const entries = await page.locator('[data-list="continuingEducation"] > .entries > .entry').count();
      const hours = `continuingEducation.${entries - 1}.publicHours`;
      await field(hours).fill('-5');
      const error = page.locator(`label:has([data-path="${hours}"]) .input-error`);
      expect(await error.textContent()).toBe(`continuingEducation[${entries - 1}].publicHours:应不小于 0 / expected at least 0`);
      expect(await field(hours).getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#input-note').isVisible()).toBe(true);
      // the outcome and every condition are the library's for the rest: the entry without the bad value
      expect(await statuses()).toEqual(statusesOf(evaluateInPage(getRuleSet(id)!, withEmptyEntry(fixture.profile) as never)));
      expect(await shownOutcome()).toBe(evaluateInPage(getRuleSet(id)!, withEmptyEntry(fixture.profile) as never).outcome);
      // and they still follow another field as it changes
      await answer(live.path, '');
      expect(await status(live.condition)).toBe(live.after);
      expect(await statuses()).toEqual(statusesOf(evaluateInPage(getRuleSet(id)!, without(withEmptyEntry(fixture.profile), live.path) as never)));
      expect(await error.textContent()).toContain('应不小于 0');
      // corrected, the error goes and the value counts again
      await field(hours).fill('5');
      expect(await error.textContent()).toBe('');
      expect(await page.locator('#input-note').isHidden()).toBe(true);
    });
  });

  it('looks like something a person would use', async () => {
    await pickNotice('shizuishan-2024');
    await clear();
    await fillProfile(fixturesOf('shizuishan-2024')[1]!.profile);
    await page.mouse.wheel(0, -10_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'form.png'), fullPage: false });
  });
});

const statusesOf = (report: EligibilityReport) => report.conditions.map((condition) => `${condition.id}=${condition.status}`);

type Profile = Record<string, unknown>;

/** The profile as the page has it after a negative hour value in a new entry: the value left out, the entry kept. */
const withEmptyEntry = (profile: unknown): Profile => {
  const copy = structuredClone(profile) as Profile;
  return { ...copy, continuingEducation: [...((copy.continuingEducation as unknown[] | undefined) ?? []), {}] };
};

/** The profile with the field at a dotted path (outside lists) left unanswered. */
function without(profile: Profile, path: string): Profile {
  const copy = structuredClone(profile);
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<Profile | undefined>((node, key) => node?.[key] as Profile | undefined, copy);
  if (parent) delete parent[keys.at(-1)!];
  return copy;
}

/**
 * A field outside lists whose clearing changes a decided condition: what the test changes to see the
 * conditions follow while another field is invalid.
 */
function liveField(id: string, profile: Profile): { condition: string; path: string; after: string } | undefined {
  const ruleSet = getRuleSet(id)!;
  for (const condition of evaluateInPage(ruleSet, profile as never).conditions) {
    if (condition.status !== 'pass' && condition.status !== 'fail') continue;
    for (const path of condition.reads.filter((read) => PROFILE_FIELDS.get(read)?.kind === 'scalar' && read !== 'application.jurisdiction')) {
      const after = evaluateInPage(ruleSet, without(profile, path) as never).conditions.find((other) => other.id === condition.id)!.status;
      if (after !== condition.status) return { condition: condition.id, path, after };
    }
  }
  return undefined;
}
