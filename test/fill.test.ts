import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from '../src/text/fill.js';

/** Values `String.prototype.replace` would read as patterns, and values that look like placeholders. */
const HOSTILE = ['$&', "$'", '$`', '$$', '$1', '{required}', '{actual}', '{param:x}', "$`{actual}$'$&"];

describe('fillPlaceholders', () => {
  const values: Record<string, string> = { actual: 'A', required: 'R', 'param:x': 'X' };

  it('fills each placeholder of the template', () => {
    expect(fillPlaceholders('{actual} < {required}, {param:x}, {other}', (name) => values[name])).toBe('A < R, X, {other}');
  });

  it('puts every value in verbatim, whatever it contains, and never fills a value it put in', () => {
    for (const value of HOSTILE) {
      const filled = fillPlaceholders('a:{actual};r:{required};p:{param:x}', () => value);
      expect(filled, value).toBe(`a:${value};r:${value};p:${value}`);
    }
    // A value naming the next placeholder is not filled by it.
    expect(fillPlaceholders('{actual}/{required}', (name) => (name === 'actual' ? '{required}' : 'R'))).toBe('{required}/R');
  });

  it('leaves a placeholder it has no value for as written', () => {
    expect(fillPlaceholders('{actual} $& {required}', (name) => (name === 'actual' ? '$&' : undefined))).toBe('$& $& {required}');
  });
});
