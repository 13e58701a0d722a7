import * as z from 'zod/mini';
import { divisionWithin, nameMatches, placeSchema } from '../places/division.js';
import type { DecodedProfile } from '../profile/decoded.js';
import { defineFact, known, unknownFor, type FactValue } from './types.js';

type Names = { readonly region?: string | undefined; readonly city?: string | undefined; readonly divisionCode?: string | undefined };

/**
 * The places a profile gives, each as a code path and the names written for it: where someone works and
 * is insured (region and city), and the cities of their 人事关系, 人事档案 and 劳动关系 (a city only).
 * Every key is written, `undefined` or not: an absent one would be read from Object.prototype.
 */
const SOURCES = {
  employment: { code: 'employment.divisionCode', names: (profile: DecodedProfile): Names | undefined => profile.employment },
  socialInsurance: { code: 'socialInsurance.divisionCode', names: (profile: DecodedProfile): Names | undefined => profile.socialInsurance },
  personnelRelation: {
    code: 'employment.personnelRelationDivisionCode',
    names: (profile: DecodedProfile): Names | undefined =>
      profile.employment && { region: undefined, city: profile.employment.personnelRelationCity, divisionCode: profile.employment.personnelRelationDivisionCode },
  },
  archives: {
    code: 'employment.archivesDivisionCode',
    names: (profile: DecodedProfile): Names | undefined => profile.employment && { region: undefined, city: profile.employment.archivesCity, divisionCode: profile.employment.archivesDivisionCode },
  },
  laborRelation: {
    code: 'employment.laborRelationDivisionCode',
    names: (profile: DecodedProfile): Names | undefined =>
      profile.employment && { region: undefined, city: profile.employment.laborRelationCity, divisionCode: profile.employment.laborRelationDivisionCode },
  },
} as const;
type Source = keyof typeof SOURCES;
const SOURCE_NAMES = Object.keys(SOURCES) as [Source, ...Source[]];
const SOURCE_LABELS: Record<Source, { zh: string; en: string }> = {
  employment: { zh: '工作单位所在地', en: 'the place of work' },
  socialInsurance: { zh: '参保地', en: 'the place of insurance' },
  personnelRelation: { zh: '人事关系所在地', en: 'the place of the personnel relation' },
  archives: { zh: '人事档案所在地', en: 'the place of the personnel file' },
  laborRelation: { zh: '劳动关系所在地', en: 'the place of the labour relation' },
};

/**
 * `placeWithin`: whether a place of the profile (`of`: where one works, is insured, or holds the
 * personnel relation, file or labour relation) lies within a place of the notice (a `place` parameter).
 * A division code decides it by the code hierarchy. Without one, names decide only what they can: the
 * place's own name (or, for a province-level city, its name as the region) is inside; a different
 * province is outside; any other name in the same province (a county-level city such as 江山市, which may
 * or may not be inside) leaves it to the code. The main entry turns names into codes first, where a
 * division dataset is at hand (`resolvePlaces`).
 */
export const placeWithin = defineFact({
  name: 'placeWithin',
  description: { zh: '工作地或参保地是否在通知的地域范围内', en: 'whether the place of work or insurance is within the notice’s territory' },
  label: (params) => ({
    zh: `${SOURCE_LABELS[params.of].zh}是否在${params.place.names[0]}`,
    en: `whether ${SOURCE_LABELS[params.of].en} is in ${params.place.names[0]}`,
  }),
  params: z.strictObject({ of: z.enum(SOURCE_NAMES), place: placeSchema }),
  reads: (params) => [SOURCES[params.of].code],
  compute(profile, params): FactValue {
    const section = SOURCES[params.of];
    const written = section.names(profile);
    const place = params.place;
    const code = written?.divisionCode;
    // A made-up place (a template filled for an example city) has no code and no real division in it:
    // a real code is elsewhere, and so is another city's name.
    if (code !== undefined && place.code === undefined) return known(false);
    if (code !== undefined && place.code !== undefined) {
      if (divisionWithin(code, place.code)) return known(true);
      // A code less precise than the place (the province only) does not say which part: the names may.
      if (!divisionWithin(place.code, code)) return known(false);
    }
    const region = written?.region;
    const city = written?.city;
    // The place's own name decides first, so that adding a region (even a contradictory one) never
    // undoes what the city already decided.
    if (city !== undefined && nameMatches(city, place.names)) return known(true);
    if (region !== undefined && region.trim() !== '' && !nameMatches(region, place.provinceNames)) return known(false);
    // A province-level place (北京市): its own name as the region says it.
    if (place.code?.endsWith('0000') && region !== undefined && nameMatches(region, place.names)) return known(true);
    if (place.code === undefined && city !== undefined && city.trim() !== '') return known(false);
    return unknownFor(section.code);
  },
});

/** The prefecture a division code lies in (地区): its first four digits. */
const prefectureOf = (code: string) => code.slice(0, 4);

/**
 * `samePlace`: whether two places of the profile are in one city (地区, the prefecture level): the cities
 * of the insurance, the personnel file, the labour relation and the personnel relation, which a notice may
 * require to coincide (衢州 二、(一) 三者一致). Codes decide by their prefecture; without both codes, the
 * names written for the city decide; a code on one side and only a name on the other is left open (the
 * main entry turns names into codes first).
 */
export const samePlace = defineFact({
  name: 'samePlace',
  description: { zh: '两处所在地是否在同一城市', en: 'whether two places of the profile are in one city' },
  label: (params) => ({
    zh: `${SOURCE_LABELS[params.a].zh}与${SOURCE_LABELS[params.b].zh}是否在同一城市`,
    en: `whether ${SOURCE_LABELS[params.a].en} and ${SOURCE_LABELS[params.b].en} are in one city`,
  }),
  params: z.strictObject({ a: z.enum(SOURCE_NAMES), b: z.enum(SOURCE_NAMES) }),
  reads: (params) => [SOURCES[params.a].code, SOURCES[params.b].code],
  compute(profile, params): FactValue {
    const [a, b] = [SOURCES[params.a].names(profile), SOURCES[params.b].names(profile)];
    if (a?.divisionCode !== undefined && b?.divisionCode !== undefined) return known(prefectureOf(a.divisionCode) === prefectureOf(b.divisionCode));
    const [cityA, cityB] = [a?.city?.trim(), b?.city?.trim()];
    if (cityA && cityB) return known(nameMatches(cityA, [cityB]) || nameMatches(cityB, [cityA]));
    const missing = [
      ...(a?.divisionCode === undefined && !cityA ? [SOURCES[params.a].code] : []),
      ...(b?.divisionCode === undefined && !cityB ? [SOURCES[params.b].code] : []),
    ];
    return unknownFor(...(missing.length > 0 ? missing : [SOURCES[params.a].code, SOURCES[params.b].code]));
  },
});
