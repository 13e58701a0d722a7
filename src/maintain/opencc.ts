import { ValidationError, textIssue } from '../errors.js';
import type { Simplifier } from './normalise-notice.js';

/**
 * OpenCC's Traditional→Mainland converter, loaded only when a notice needs it. opencc-js is an optional
 * peer dependency: 6 MB installed, needed only for traditional captures (one notice in five), so neither
 * library users nor `zhicheng check` carry it; a maintainer who needs it installs it.
 */
export async function loadSimplifier(): Promise<Simplifier> {
  let OpenCC: { Converter(options: { from: string; to: string }): Simplifier };
  try {
    // Only the traditional→simplified tables (109 KB), not the whole package's 1.2 MB.
    OpenCC = await import('opencc-js/t2cn');
  } catch {
    throw new ValidationError('argument', [
      textIssue(
        ['transform'],
        '这份通知是繁体(或带拼音注音),转换需要 opencc-js:请先运行 npm install opencc-js',
        'this notice is in traditional characters (or has pinyin glosses); converting it needs opencc-js: run npm install opencc-js first',
      ),
    ]);
  }
  return OpenCC.Converter({ from: 't', to: 'cn' });
}
