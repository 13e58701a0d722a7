import { afterEach, describe, expect, it } from 'vitest';
import { endSharing, profileView, shareViews } from '../../src/facts/views.js';
import { evaluate, evaluateWithEngine, getRuleSet, parseProfile } from '../../src/index.js';
import type { DecodedProfile } from '../../src/profile/decoded.js';
import { parsed } from '../support/profiles.js';

afterEach(() => endSharing());

describe('profileView', () => {
  const counted = () => {
    let derived = 0;
    const view = profileView((profile: DecodedProfile) => {
      derived += 1;
      return { titles: profile.titles?.length ?? 0 };
    });
    return { view, derivedTimes: () => derived };
  };

  it('derives once per profile while views are shared, and again for another profile', () => {
    const { view, derivedTimes } = counted();
    const one = parsed({ titles: [{ level: 'assistant' }] });
    const two = parsed({ titles: [] });
    shareViews();
    expect(view(one)).toEqual({ titles: 1 });
    expect(view(one)).toBe(view(one));
    expect(derivedTimes()).toBe(1);
    expect(view(two)).toEqual({ titles: 0 });
    expect(derivedTimes()).toBe(2);
  });

  it('derives on every call when views are not shared (json-rules-engine, direct compute calls)', () => {
    const { view, derivedTimes } = counted();
    const one = parsed({ titles: [{ level: 'assistant' }] });
    view(one);
    view(one);
    expect(derivedTimes()).toBe(2);
  });

  it('forgets every view when sharing ends: the same profile is derived afresh next time', () => {
    const { view, derivedTimes } = counted();
    const one = parsed({ titles: [{ level: 'assistant' }] });
    shareViews();
    view(one);
    endSharing();
    shareViews();
    view(one);
    expect(derivedTimes()).toBe(2);
  });
});

describe('views in an evaluation', () => {
  const ruleSet = getRuleSet('shizuishan-2024')!;
  const publicHours = (report: ReturnType<typeof evaluate>) => report.conditions.find((condition) => condition.id === 'ce-senior-public')!;

  it('read a profile changed between two evaluations afresh (nothing kept from the last walk)', async () => {
    // A form that keeps one object and edits it: the raw profile, validated on each evaluation.
    const profile = {
      application: { jurisdiction: 'shizuishan-2024', targetLevel: 'deputy_senior' as const, series: 'engineering' as const },
      titles: [{ level: 'intermediate' as const, obtainedOn: '2015-01-01' as string | undefined }],
      continuingEducation: [2019, 2020, 2021, 2022, 2023].map((year) => ({ year, publicHours: 10 })),
    };
    const before = publicHours(evaluate(ruleSet, profile));
    expect(before).toMatchObject({ status: 'fail', actual: 50 });
    profile.continuingEducation[0]!.publicHours = 60;
    profile.titles[0]!.obtainedOn = undefined;
    const after = evaluate(ruleSet, profile);
    expect(publicHours(after)).toMatchObject({ status: 'pass', actual: 100 });
    expect(after.conditions.find((condition) => condition.id === 'tenure-deputy-senior')!.status).toBe('unknown');
    expect((await evaluateWithEngine(ruleSet, profile)).conditions).toEqual(after.conditions);
  });

  it('a parsed profile cannot be changed under the evaluator: it is frozen, and what is kept of it stays true', () => {
    const result = parseProfile({ titles: [{ level: 'intermediate', obtainedOn: '2015-01-01' }] });
    if (!result.success) throw new Error('invalid');
    expect(Object.isFrozen(result.profile)).toBe(true);
    expect(Object.isFrozen(result.profile.titles![0])).toBe(true);
    expect(() => {
      (result.profile.titles as { obtainedOn?: string }[])[0]!.obtainedOn = 'not a date';
    }).toThrow(TypeError);
  });
});
