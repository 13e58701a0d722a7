import { areaList } from '@vant/area-data';
import { withoutPrototype } from '../ruleset/own-copy.js';
import { expectObject, wrongArgument } from '../arguments.js';
import { markDecoded, markParsed, toParsedProfile, type ParsedProfile } from '../profile/parse.js';
import type { DecodedProfile } from '../profile/decoded.js';
import type { ParsedProfileData } from '../profile/schema.js';
import { nameMatches } from './division.js';

/**
 * Place names to GB/T 2260 division codes, through a kept dataset (`@vant/area-data`: the province,
 * prefecture and county lists area pickers use). Node only — the browser path takes codes, which area
 * pickers emit, and never carries the dataset.
 */

interface Division {
  readonly code: string;
  readonly name: string;
}
const entries = (list: Record<string, string>): Division[] => Object.entries(list).map(([code, name]) => ({ code, name }));
const PROVINCES = entries(areaList.province_list);
const CITIES = entries(areaList.city_list);
const COUNTIES = entries(areaList.county_list);

/** The one division among `candidates` whose name the text names, or `undefined` if none or several. */
function only(text: string | undefined, candidates: readonly Division[]): Division | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const found = candidates.filter((division) => nameMatches(text, [division.name]));
  const exact = found.filter((division) => division.name === text.trim());
  if (exact.length === 1) return exact[0];
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Outside the named province only an exact name counts (石嘴山 or 石嘴山市), never a prefix: 巴州 (the
 * short name of 巴音郭楞) must not become 巴州区 of 巴中市.
 */
function exactly(text: string | undefined, candidates: readonly Division[]): Division | undefined {
  const written = text?.replace(/\s+/gu, '');
  if (!written) return undefined;
  const found = candidates.filter((division) => division.name === written || division.name === `${written}市`);
  return found.length === 1 ? found[0] : undefined;
}

const within = (prefix: string | undefined, list: readonly Division[]) => (prefix ? list.filter((division) => division.code.startsWith(prefix)) : list);

/**
 * The most precise division code that a place's names determine: province, then prefecture (or a
 * county-level city written as the city, 江山市), then county or district. `undefined` when the names
 * determine nothing unambiguously.
 */
type Names = { readonly region?: string | undefined; readonly city?: string | undefined; readonly district?: string | undefined };

export function divisionCodeOf(names: Names): string | undefined {
  expectObject(names, 'names', { zh: '地名对象 { region, city, district }', en: 'place names { region, city, district }' });
  for (const key of ['region', 'city', 'district'] as const) {
    if (names[key] !== undefined && typeof names[key] !== 'string') throw wrongArgument(`names.${key}`, names[key], { zh: '字符串', en: 'a string' });
  }
  // A batch names the same few places again and again: each combination is looked up once. Bounded, so
  // a hostile batch of distinct names cannot grow it without end.
  const key = `${names.region ?? ''}\u0000${names.city ?? ''}\u0000${names.district ?? ''}`;
  if (resolved.has(key)) return resolved.get(key);
  const code = lookUp(names);
  if (resolved.size >= MAX_REMEMBERED) resolved.clear();
  resolved.set(key, code);
  return code;
}

const MAX_REMEMBERED = 10_000;
const resolved = new Map<string, string | undefined>();

function lookUp(names: Names): string | undefined {
  const province = only(names.region, PROVINCES);
  const provincePrefix = province?.code.slice(0, 2);
  // The most specific name decides: a city found only outside the named province is still that city
  // (a region written wrongly does not move it), so adding a region never undoes what the city said.
  let city = provincePrefix ? (only(names.city, within(provincePrefix, CITIES)) ?? exactly(names.city, CITIES)) : exactly(names.city, CITIES);
  let county: Division | undefined;
  // A county-level city written where the city goes (江山市 under 衢州市), looked for in its province only.
  if (!city && provincePrefix && names.city !== undefined) county = only(names.city, within(provincePrefix, COUNTIES));
  const cityPrefix = city?.code.slice(0, 4) ?? county?.code.slice(0, 4);
  // The district, within the city found (or the province, when the city is written in a way the dataset
  // does not know, such as the short name 巴州).
  if (names.district !== undefined && (cityPrefix ?? provincePrefix)) county = only(names.district, within(cityPrefix ?? provincePrefix, COUNTIES)) ?? county;
  // A district alone: only a name no other county in the country has (惠农区, not 朝阳区).
  else if (names.district !== undefined && names.city === undefined) county = exactly(names.district, COUNTIES);
  if (names.city !== undefined && names.city.trim() !== '' && !city && !county) return undefined;
  if (county && !city) city = CITIES.find((candidate) => candidate.code === `${county!.code.slice(0, 4)}00`);
  return county?.code ?? city?.code ?? province?.code;
}

/**
 * The profile with its division codes (`employment.divisionCode`, `socialInsurance.divisionCode`, and
 * those of the 人事关系, 人事档案 and 劳动关系 cities) filled from the names where it gives names but no code, so a notice's territory is decided by the division
 * hierarchy (a county inside its prefecture) rather than by comparing texts. A code the profile gives is
 * kept as it is. Returns the same profile when there is nothing to add.
 */
export function resolvePlaces(profile: ParsedProfile): ParsedProfile {
  // A profile not parsed yet (or not a profile at all) is validated first: a clear error, never a TypeError.
  profile = toParsedProfile(profile);
  // A profile is parsed once and evaluated many times (against several rule sets, on every form
  // change): its codes are resolved once too. A parsed profile is frozen, so this is safe. The filled
  // copy is a parsed profile too (plain JSON, frozen): it travels like the one it came from.
  return resolvedOnce(profile, (filled) => markParsed(filled));
}

/**
 * `resolvePlaces` for the decoded profile an evaluation reads (`parse.ts`): the same codes, filled into
 * a copy, once per decoded profile.
 * @internal
 */
export function withResolvedPlaces(decoded: DecodedProfile): DecodedProfile {
  return resolvedOnce(decoded, markDecoded);
}

/** Each profile (parsed or decoded) with its codes filled in; the profile itself when there are none to fill. */
const resolvedOf = new WeakMap<object, object>();

/** A profile with its codes filled in, made once per profile; `mark` makes the copy the same kind as the profile. */
function resolvedOnce<Profile extends ParsedProfileData | DecodedProfile>(profile: Profile, mark: (filled: Profile) => Profile): Profile {
  let result = resolvedOf.get(profile) as Profile | undefined;
  if (result === undefined) {
    const filled = withDivisionCodes(profile);
    result = filled === profile ? profile : mark(filled);
    resolvedOf.set(profile, result);
  }
  return result;
}

/** The division codes a profile's names give where it has names but no code. */
interface Codes {
  employment?: Record<string, string>;
  insurance?: string;
}

function codesFor(profile: ParsedProfileData | DecodedProfile): Codes | undefined {
  const employment = profile.employment;
  const insurance = profile.socialInsurance;
  let employmentCodes: Record<string, string> | undefined;
  const fill = (key: string, given: string | undefined, names: Names) => {
    if (given !== undefined || (names.region === undefined && names.city === undefined && names.district === undefined)) return;
    const code = divisionCodeOf(names);
    if (code !== undefined) (employmentCodes ??= {})[key] = code;
  };
  if (employment) {
    fill('divisionCode', employment.divisionCode, employment);
    // A relation's city is looked for in the province of the work place first (江山市 in 浙江省).
    if (employment.personnelRelationCity !== undefined) fill('personnelRelationDivisionCode', employment.personnelRelationDivisionCode, { region: employment.region, city: employment.personnelRelationCity, district: undefined });
    if (employment.archivesCity !== undefined) fill('archivesDivisionCode', employment.archivesDivisionCode, { region: employment.region, city: employment.archivesCity, district: undefined });
    if (employment.laborRelationCity !== undefined) fill('laborRelationDivisionCode', employment.laborRelationDivisionCode, { region: employment.region, city: employment.laborRelationCity, district: undefined });
  }
  const insuranceCode =
    insurance && insurance.divisionCode === undefined && (insurance.region ?? insurance.city ?? insurance.unitDistrict) !== undefined
      ? divisionCodeOf({ region: insurance.region, city: insurance.city, district: insurance.unitDistrict })
      : undefined;
  if (employmentCodes === undefined && insuranceCode === undefined) return undefined;
  return { ...(employmentCodes !== undefined && { employment: employmentCodes }), ...(insuranceCode !== undefined && { insurance: insuranceCode }) };
}

/** The profile with its codes filled in copies; the same profile when there is nothing to add. */
function withDivisionCodes<Profile extends ParsedProfileData | DecodedProfile>(profile: Profile): Profile {
  const codes = codesFor(profile);
  if (codes === undefined) return profile;
  // Copies without a prototype, as the parsed profile's objects are: nothing inherited is ever read.
  return withoutPrototype({
    ...profile,
    ...(codes.employment !== undefined && { employment: withoutPrototype({ ...profile.employment, ...codes.employment }) }),
    ...(codes.insurance !== undefined && { socialInsurance: withoutPrototype({ ...profile.socialInsurance, divisionCode: codes.insurance }) }),
  });
}

/**
 * `resolvePlaces` for a profile the caller owns and evaluates once (a batch's line, parsed from its own
 * JSON): the codes are written into the profile itself — no copies, no weak map — and the same profile
 * returned. Never for a profile a user holds: `resolvePlaces` leaves those as they are.
 * @internal
 */
export function fillDivisionCodes(profile: DecodedProfile): DecodedProfile {
  const codes = codesFor(profile);
  if (codes?.employment !== undefined) Object.assign(profile.employment!, codes.employment);
  if (codes?.insurance !== undefined) (profile.socialInsurance as { divisionCode?: string }).divisionCode = codes.insurance;
  return profile;
}

