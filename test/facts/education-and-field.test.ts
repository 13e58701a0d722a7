import { describe, expect, it } from 'vitest';
import { hasEducation } from '../../src/facts/education.js';
import { answered, field } from '../../src/facts/field.js';
import { toReportValue } from '../../src/report/values.js';
import { parsed } from '../support/profiles.js';

describe('hasEducation', () => {
  const master = hasEducation.params.parse({ levels: ['master'], credential: 'diploma', obtainedBy: '2023-12-31' });
  const has = (education: unknown) => hasEducation.compute(parsed({ education }), master);

  it('matches an entry meeting every criterion', () => {
    expect(has([{ level: 'bachelor', credential: 'diploma' }, { level: 'master', credential: 'diploma', obtainedOn: '2019-07-01' }])).toEqual({ known: true, value: true });
  });

  it('does not count a degree where a diploma is asked, nor one obtained after the cut-off', () => {
    expect(has([{ level: 'master', credential: 'degree', obtainedOn: '2019-07-01' }])).toEqual({ known: true, value: false });
    expect(has([{ level: 'master', credential: 'diploma', obtainedOn: '2024-01-01' }])).toEqual({ known: true, value: false });
  });

  it('is unknown while an entry that could match lacks a field, and names it', () => {
    expect(has([{ level: 'master', credential: 'diploma' }])).toEqual({ known: false, missing: ['education.0.obtainedOn'] });
    expect(hasEducation.compute(parsed({}), master)).toEqual({ known: false, missing: ['education'] });
  });
});

describe('field', () => {
  it('reads a field, and is unknown when it is absent', () => {
    const params = field.params.parse({ path: 'application.targetLevel' });
    expect(field.compute(parsed({ application: { targetLevel: 'senior' } }), params)).toEqual({ known: true, value: 'senior' });
    expect(field.compute(parsed({}), params)).toEqual({ known: false, missing: ['application.targetLevel'] });
  });

  it("uses its default, decoded with the field's own schema, when the field is absent", () => {
    const params = field.params.parse({ path: 'application.adjustedDeadline', default: '2024-06-30' });
    const result = field.compute(parsed({}), params);
    expect(result.known && toReportValue(result.value)).toBe('2024-06-30');
    expect(field.params.safeParse({ path: 'application.adjustedDeadline', default: 'June' }).success).toBe(false);
  });

  it('only reads fields the profile schema has, outside lists', () => {
    expect(field.params.safeParse({ path: 'status.salary' }).success).toBe(false);
    expect(field.params.safeParse({ path: 'titles' }).success).toBe(false);
    expect(field.params.safeParse({ path: '__proto__' }).success).toBe(false);
  });
});

describe('answered', () => {
  it('is whether the field has an answer, never unknown', () => {
    const given = (profile: unknown) => answered.compute(parsed(profile), answered.params.parse({ path: 'application.adjustedDeadline' }));
    expect(given({ application: { adjustedDeadline: '2024-08-31' } })).toEqual({ known: true, value: true });
    expect(given({ application: {} })).toEqual({ known: true, value: false });
    expect(given({})).toEqual({ known: true, value: false });
    expect(answered.params.safeParse({ path: 'titles' }).success).toBe(false);
  });
});
