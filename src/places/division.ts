import * as z from 'zod/mini';

/**
 * A notice's territory, or part of it: a GB/T 2260 administrative division (全市 is the prefecture's
 * code, 巴州县以下 the prefecture's code with the county-level test in the conditions), with the names a
 * profile may write for it and for its province. Held by a rule-set parameter of type `place`, so the
 * territory is data, cited to the notice like any other parameter.
 */
export const placeSchema = z.strictObject({
  /**
   * 6 digits: `XX0000` a province-level division, `XXXX00` a prefecture, anything else a county. Only
   * a made-up place (a template filled for an example city) goes without one: then names decide.
   */
  code: z.optional(z.string().check(z.regex(/^[1-9]\d{5}$/))),
  /** The names of the place itself, full and short (石嘴山市, 石嘴山). */
  names: z.array(z.string().check(z.minLength(1), z.maxLength(50))).check(z.minLength(1), z.maxLength(20)),
  /** The names of its province (宁夏回族自治区, 宁夏); for a province-level place, its own names again. */
  provinceNames: z.array(z.string().check(z.minLength(1), z.maxLength(50))).check(z.minLength(1), z.maxLength(20)),
});
export type Place = z.output<typeof placeSchema>;

/** How many leading digits of a code name the division: 2 for a province, 4 for a prefecture, 6 for a county. */
function significantDigits(code: string): number {
  if (code.endsWith('0000')) return 2;
  if (code.endsWith('00')) return 4;
  return 6;
}

/**
 * Whether the division `code` lies within `within`, by the hierarchy the codes encode: 330881 (江山市)
 * is within 330800 (衢州市) and 330000 (浙江省); 110105 (朝阳区) within 110000 (北京市).
 */
export function divisionWithin(code: string, within: string): boolean {
  const digits = significantDigits(within);
  return significantDigits(code) >= digits && code.slice(0, digits) === within.slice(0, digits);
}

/** A place name without spaces, compared with a name list: equal, or one the other plus a suffix (宁夏 / 宁夏回族自治区). */
export function nameMatches(name: string, names: readonly string[]): boolean {
  const written = name.replace(/\s+/gu, '');
  if (written.length === 0) return false;
  return names.some((candidate) => written === candidate || (written.length >= 2 && candidate.startsWith(written)) || written.startsWith(candidate));
}
