import { describe, expect, it } from 'vitest';
import { placeWithin, samePlace } from '../../src/facts/place.js';
import { divisionWithin } from '../../src/places/division.js';
import { divisionCodeOf, resolvePlaces } from '../../src/places/resolve.js';
import { parseProfile, type ParsedProfile } from '../../src/profile/parse.js';
import { parsed } from '../support/profiles.js';

const QUZHOU = { code: '330800', names: ['衢州市', '衢州'], provinceNames: ['浙江省', '浙江'] };
const BEIJING = { code: '110000', names: ['北京市', '北京'], provinceNames: ['北京市', '北京'] };
const MADE_UP = { names: ['示例市'], provinceNames: ['示例省'] };
const within = (profile: unknown, place: object, of = 'employment') => placeWithin.compute(parsed(profile), placeWithin.params.parse({ of, place }));

describe('divisionWithin', () => {
  it('follows the hierarchy the codes encode: county in prefecture in province', () => {
    expect(divisionWithin('330881', '330800')).toBe(true); // 江山市 in 衢州市
    expect(divisionWithin('330881', '330000')).toBe(true);
    expect(divisionWithin('110105', '110000')).toBe(true); // 朝阳区 in 北京市
    expect(divisionWithin('330100', '330800')).toBe(false); // 杭州市 is not in 衢州市
    expect(divisionWithin('330000', '330800')).toBe(false); // a province is not inside its prefecture
  });
});

describe('placeWithin', () => {
  it('decides by the division code when there is one', () => {
    expect(within({ employment: { divisionCode: '330881' } }, QUZHOU)).toEqual({ known: true, value: true });
    expect(within({ employment: { divisionCode: '330102' } }, QUZHOU)).toEqual({ known: true, value: false });
    expect(within({ socialInsurance: { divisionCode: '110108' } }, BEIJING, 'socialInsurance')).toEqual({ known: true, value: true });
  });

  it('reads names with or without their suffix; another province is outside', () => {
    expect(within({ employment: { city: '衢州' } }, QUZHOU)).toEqual({ known: true, value: true });
    expect(within({ employment: { region: '浙江省', city: '衢州市' } }, QUZHOU)).toEqual({ known: true, value: true });
    expect(within({ employment: { region: '河北省', city: '廊坊市' } }, BEIJING)).toEqual({ known: true, value: false });
    expect(within({ employment: { region: '北京市' } }, BEIJING)).toEqual({ known: true, value: true });
  });

  it('leaves to the code what names cannot tell: another name in the same province may be inside', () => {
    expect(within({ employment: { region: '浙江省', city: '江山市' } }, QUZHOU)).toEqual({ known: false, missing: ['employment.divisionCode'] });
    expect(within({ employment: {} }, QUZHOU)).toEqual({ known: false, missing: ['employment.divisionCode'] });
    expect(within({}, QUZHOU)).toEqual({ known: false, missing: ['employment.divisionCode'] });
  });

  it('reads a code less precise than the place by the names (the province only says nothing of the city)', () => {
    expect(within({ employment: { divisionCode: '330000', city: '衢州市' } }, QUZHOU)).toEqual({ known: true, value: true });
    expect(within({ employment: { divisionCode: '330000' } }, QUZHOU)).toEqual({ known: false, missing: ['employment.divisionCode'] });
  });

  it('for a made-up city (no code), any real code and any other city are elsewhere', () => {
    expect(within({ employment: { city: '示例市' } }, MADE_UP)).toEqual({ known: true, value: true });
    expect(within({ employment: { divisionCode: '640202' } }, MADE_UP)).toEqual({ known: true, value: false });
    expect(within({ employment: { region: '示例省', city: '样本市' } }, MADE_UP)).toEqual({ known: true, value: false });
  });

  it('reads the relation places too, by their own code or city', () => {
    expect(within({ employment: { personnelRelationDivisionCode: '330881' } }, QUZHOU, 'personnelRelation')).toEqual({ known: true, value: true });
    expect(within({ employment: { personnelRelationCity: '杭州市' } }, QUZHOU, 'personnelRelation')).toEqual({ known: false, missing: ['employment.personnelRelationDivisionCode'] });
  });
});

describe('samePlace', () => {
  const same = (profile: unknown, a: string, b: string) => samePlace.compute(parsed(profile), samePlace.params.parse({ a, b }));

  it('compares cities (地区): by the codes’ prefecture, else by the names written', () => {
    expect(same({ employment: { archivesDivisionCode: '330824' }, socialInsurance: { divisionCode: '330802' } }, 'socialInsurance', 'archives')).toEqual({ known: true, value: true });
    expect(same({ employment: { archivesDivisionCode: '330702' }, socialInsurance: { divisionCode: '330802' } }, 'socialInsurance', 'archives')).toEqual({ known: true, value: false });
    expect(same({ employment: { archivesCity: '衢州' }, socialInsurance: { city: '衢州市' } }, 'socialInsurance', 'archives')).toEqual({ known: true, value: true });
    expect(same({ employment: { archivesCity: '金华市' }, socialInsurance: { city: '衢州市' } }, 'socialInsurance', 'archives')).toEqual({ known: true, value: false });
  });

  it('asks for what is missing', () => {
    expect(same({ socialInsurance: { city: '衢州市' } }, 'socialInsurance', 'archives')).toEqual({ known: false, missing: ['employment.archivesDivisionCode'] });
  });
});

describe('divisionCodeOf and resolvePlaces (the Node entry, through @vant/area-data)', () => {
  it('turns names into the most precise code they determine', () => {
    expect(divisionCodeOf({ region: '浙江省', city: '江山市' })).toBe('330881'); // a county-level city written as the city
    expect(divisionCodeOf({ region: '浙江', city: '衢州' })).toBe('330800');
    expect(divisionCodeOf({ region: '北京市', city: '北京市', district: '朝阳区' })).toBe('110105');
    expect(divisionCodeOf({ region: '新疆维吾尔自治区', city: '巴州', district: '和静县' })).toBe('652827'); // a short name the dataset lacks: the district decides
    expect(divisionCodeOf({ district: '惠农区' })).toBe('640205'); // a district no other county shares
  });

  it('gives no code where the names are ambiguous or unknown, rather than a wrong one', () => {
    expect(divisionCodeOf({ district: '朝阳区' })).toBeUndefined(); // 北京 and 长春 both have one
    expect(divisionCodeOf({ city: '巴州' })).toBeUndefined(); // not 巴中市巴州区
    expect(divisionCodeOf({ region: '示例省', city: '示例市' })).toBeUndefined();
  });

  it('lets the city decide over a region written wrongly, so adding a region never undoes the city', () => {
    expect(divisionCodeOf({ city: '石嘴山市' })).toBe('640200');
    expect(divisionCodeOf({ region: '北京市', city: '石嘴山市' })).toBe('640200');
  });

  it('fills the codes a profile does not give, keeps those it gives, and leaves the input alone', () => {
    const input = { employment: { region: '浙江省', city: '江山市', personnelRelationCity: '衢州市' }, socialInsurance: { divisionCode: '330100', city: '衢州市' } };
    const profile = (parseProfile(input) as { profile: ParsedProfile }).profile;
    const resolved = resolvePlaces(profile);
    expect(resolved.employment).toMatchObject({ divisionCode: '330881', personnelRelationDivisionCode: '330800', city: '江山市' });
    expect(resolved.socialInsurance?.divisionCode).toBe('330100');
    expect(profile.employment?.divisionCode).toBeUndefined();
    // Nothing to add: the same profile back.
    const plain = (parseProfile({ application: { series: 'engineering' } }) as { profile: ParsedProfile }).profile;
    expect(resolvePlaces(plain)).toBe(plain);
  });
});
