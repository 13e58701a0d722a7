import { en } from './en.js';
import type { Language, Locale } from './types.js';
import { zhCN } from './zh-CN.js';

export const LOCALES: Readonly<Record<Language, Locale>> = { zh: zhCN, en };
export { en, zhCN };
export type { Language, Locale, LocalizedText } from './types.js';
