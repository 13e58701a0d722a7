import { describe, expect, it } from 'vitest';
import { integrityRecordActiveOnApplication, sanctionActiveOnApplication } from '../../src/facts/discipline.js';
import { parsed } from '../support/profiles.js';

const sanctionActive = (profile: unknown) => sanctionActiveOnApplication.compute(parsed(profile), {});
const recordActive = (profile: unknown) => integrityRecordActiveOnApplication.compute(parsed(profile), { years: 3 });

describe('sanctionActiveOnApplication', () => {
  const sanctions = [{ kind: 'administrative', from: '2023-03-01', until: '2024-02-29' }];

  it('is false without sanctions, whatever the day', () => {
    expect(sanctionActive({ discipline: { sanctions: [] } })).toEqual({ known: true, value: false });
  });

  it('includes the first and last day of the period', () => {
    const on = (submittedOn: string) => sanctionActive({ discipline: { sanctions }, application: { submittedOn } });
    expect(on('2023-02-28').known && on('2023-02-28')).toMatchObject({ value: false });
    expect(on('2023-03-01')).toMatchObject({ value: true });
    expect(on('2024-02-29')).toMatchObject({ value: true });
    expect(on('2024-03-01')).toMatchObject({ value: false });
  });

  it('is unknown without the list, or with sanctions but no application day', () => {
    expect(sanctionActive({})).toEqual({ known: false, missing: ['discipline.sanctions'] });
    expect(sanctionActive({ discipline: { sanctions } })).toEqual({ known: false, missing: ['application.submittedOn'] });
  });
});

describe('integrityRecordActiveOnApplication', () => {
  const records = [{ kind: 'fraud', recordedOn: '2021-06-30' }];
  const on = (submittedOn: string) => recordActive({ discipline: { integrityRecords: records }, application: { submittedOn } });

  it('bars for three years from the day recorded, up to the day before the third anniversary', () => {
    expect(on('2021-06-30')).toMatchObject({ value: true });
    expect(on('2024-06-29')).toMatchObject({ value: true });
    expect(on('2024-06-30')).toMatchObject({ value: false });
  });

  it('is false without records and unknown without the list', () => {
    expect(recordActive({ discipline: { integrityRecords: [] } })).toEqual({ known: true, value: false });
    expect(recordActive({ discipline: {} })).toEqual({ known: false, missing: ['discipline.integrityRecords'] });
  });
});
