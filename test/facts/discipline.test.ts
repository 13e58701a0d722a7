import { describe, expect, it } from 'vitest';
import { integrityRecordActiveOnApplication, sanctionActiveOnApplication } from '../../src/facts/discipline.js';
import { parseCalendarDate } from '../../src/dates/calendar-date.js';
import { parsed } from '../support/profiles.js';

const day = (text: string) => parseCalendarDate(text)!;
/** The 2024 notice's application days, for a profile that does not give its own. */
const applicationPeriod = { from: day('2024-05-17'), until: day('2024-11-30') };
const sanctionActive = (profile: unknown, params: Record<string, unknown> = {}) => sanctionActiveOnApplication.compute(parsed(profile), params);
const recordActive = (profile: unknown, params: Record<string, unknown> = {}) => integrityRecordActiveOnApplication.compute(parsed(profile), { years: 3, ...params });

describe('sanctionActiveOnApplication', () => {
  const sanctions = [{ kind: 'administrative', from: '2023-03-01', until: '2024-02-29' }];

  it('is false without sanctions, whatever the day', () => {
    expect(sanctionActive({ discipline: { sanctions: [] } })).toEqual({ known: true, value: false });
  });

  it('includes the first and last day of the period', () => {
    const on = (submittedOn: string) => sanctionActive({ discipline: { sanctions }, application: { submittedOn } });
    expect(on('2023-02-28')).toMatchObject({ known: true, value: false });
    expect(on('2023-03-01')).toMatchObject({ value: true });
    expect(on('2024-02-29')).toMatchObject({ value: true });
    expect(on('2024-03-01')).toMatchObject({ value: false });
  });

  it('is decided by either end alone: a period over before the day, or starting after it', () => {
    const on = (sanction: object) => sanctionActive({ discipline: { sanctions: [sanction] }, application: { submittedOn: '2024-06-01' } });
    expect(on({ until: '2024-05-31' })).toEqual({ known: true, value: false });
    expect(on({ from: '2024-06-02' })).toEqual({ known: true, value: false });
    // Only a day between a known end and a missing one is open — and it asks for the missing end.
    expect(on({ from: '2024-01-01' })).toEqual({ known: false, missing: ['discipline.sanctions.0.until'] });
    expect(on({ until: '2024-06-01' })).toEqual({ known: false, missing: ['discipline.sanctions.0.from'] });
    expect(on({})).toEqual({ known: false, missing: ['discipline.sanctions.0.from', 'discipline.sanctions.0.until'] });
  });

  it('is unknown without the list, or with sanctions but no application day', () => {
    expect(sanctionActive({})).toEqual({ known: false, missing: ['discipline.sanctions'] });
    expect(sanctionActive({ discipline: { sanctions } })).toEqual({ known: false, missing: ['application.submittedOn'] });
  });

  it('without the day, decides by the notice’s application period when the period settles it', () => {
    const without = (sanction: object) => sanctionActive({ discipline: { sanctions: [sanction] } }, { applicationPeriod });
    expect(without({ from: '2024-03-01', until: '2025-02-28' })).toEqual({ known: true, value: true }); // covers every day
    expect(without({ from: '2023-01-01', until: '2024-05-16' })).toEqual({ known: true, value: false }); // over before
    expect(without({ from: '2024-12-01' })).toEqual({ known: true, value: false }); // starts after
    expect(without({ from: '2024-03-01', until: '2024-08-31' })).toEqual({ known: false, missing: ['application.submittedOn'] }); // ends within
  });
});

describe('integrityRecordActiveOnApplication', () => {
  const records = [{ kind: 'fraud', recordedOn: '2021-06-30' }];
  const on = (submittedOn: string) => recordActive({ discipline: { integrityRecords: records }, application: { submittedOn } });

  it('bars for three years counted as the Civil Code counts a period: to the third anniversary, that day included', () => {
    expect(on('2021-06-29')).toMatchObject({ value: false });
    expect(on('2021-06-30')).toMatchObject({ value: true });
    expect(on('2024-06-30')).toMatchObject({ value: true });
    expect(on('2024-07-01')).toMatchObject({ value: false });
  });

  it('is false without records and unknown without the list', () => {
    expect(recordActive({ discipline: { integrityRecords: [] } })).toEqual({ known: true, value: false });
    expect(recordActive({ discipline: {} })).toEqual({ known: false, missing: ['discipline.integrityRecords'] });
  });

  it('with seriousOnly, counts only serious records, and asks about a record in force whose severity is not given', () => {
    const serious = (record: object, submittedOn = '2024-01-01') =>
      recordActive({ discipline: { integrityRecords: [{ recordedOn: '2022-01-01', ...record }] }, application: { submittedOn } }, { seriousOnly: true });
    expect(serious({ serious: true })).toEqual({ known: true, value: true });
    expect(serious({ serious: false })).toEqual({ known: true, value: false });
    expect(serious({})).toEqual({ known: false, missing: ['discipline.integrityRecords.0.serious'] });
    // A record already out of its period does not need its severity.
    expect(serious({}, '2025-01-02')).toEqual({ known: true, value: false });
  });
});
