// The profile as the form stands, and what to evaluate when part of it is invalid.
import { addEntry } from './schema-form.js';

/** Sets `value` at a path of keys, creating objects and arrays (numeric keys) on the way. */
function setPath(target, keys, value) {
  let node = target;
  keys.forEach((key, index) => {
    if (index === keys.length - 1) node[key] = value;
    else node = node[key] ??= /^\d+$/.test(String(keys[index + 1])) ? [] : {};
  });
}

/** A message of the form's own, for what never reaches the parser (a number input holding text). */
const NOT_A_NUMBER = { zh: '不是数字', en: 'not a number' };

/**
 * Reads the answered fields into a profile. Inputs the browser cannot even hand over (text in a number
 * input) are returned as errors instead.
 */
export function readProfile(form) {
  const profile = {};
  const errors = new Map();
  for (const element of form.querySelectorAll('[data-path]')) {
    const { kind, path } = element.dataset;
    const keys = path.split('.');
    if (kind === 'number' && element.validity.badInput) {
      errors.set(path, { at: path, message: NOT_A_NUMBER });
      continue;
    }
    const raw = element.value.trim();
    if (raw === '') continue;
    if (kind === 'list') {
      // 有 with entries: the entries' fields fill it in (an entry with nothing answered is still an entry)
      const entries = form.querySelectorAll(`[data-list="${path}"] > .entries > .entry`).length;
      setPath(profile, keys, raw === 'none' ? [] : Array.from({ length: entries }, () => ({})));
      continue;
    }
    setPath(profile, keys, kind === 'boolean' ? raw === 'true' : kind === 'number' ? Number(raw) : raw);
  }
  return { profile, errors };
}

function deletePath(target, keys) {
  let node = target;
  for (const key of keys.slice(0, -1)) node = node?.[key];
  if (node === null || typeof node !== 'object') return;
  const last = keys.at(-1);
  // a list keeps its length: an entry is emptied, not removed, so later entries keep their indexes
  if (Array.isArray(node)) node[last] = {};
  else delete node[last];
}

/**
 * Parses the profile, leaving out each invalid value, so that one bad field does not stop the rest
 * from being evaluated: the issues are the field errors, the profile what is left. Each round drops at
 * least one value, so this ends; the bound is only a guard.
 */
export function parseLeavingOut(profile, parseProfile) {
  const errors = new Map();
  let current = structuredClone(profile);
  for (let round = 0; round < 100; round++) {
    const parsed = parseProfile(current);
    if (parsed.success) return { profile: parsed.profile, errors };
    for (const issue of parsed.issues) {
      const path = issue.path.join('.');
      if (!errors.has(path)) errors.set(path, { at: issue.at, message: issue.message });
      if (issue.path.length === 0) return { profile: undefined, errors };
      deletePath(current, issue.path);
    }
  }
  return { profile: undefined, errors };
}

/** The input for a path, or for the nearest path above it that has one (a list, a group's first field). */
export function elementFor(form, path) {
  for (let keys = path.split('.'); keys.length > 0; keys = keys.slice(0, -1)) {
    const at = keys.join('.');
    const element = form.querySelector(`[data-path="${at}"]`) ?? form.querySelector(`[data-group="${at}"] [data-path]`);
    if (element) return element;
  }
  return undefined;
}

/**
 * Focuses the input a question asks for, making the list entry it lies in when there is none yet:
 * `titles.1.obtainedOn` adds entries up to the second, `continuingEducation[year=2022]` finds or adds the
 * entry of 2022 and focuses its first hours.
 */
export function focusPath(form, path) {
  let element;
  const year = /^(.*)\[year=(\d+)\]$/.exec(path);
  if (year) {
    const [, listPath, value] = year;
    const yearInput = [...form.querySelectorAll(`[data-list="${listPath}"] [data-path$=".year"]`)].find((input) => input.value === value);
    let entry = yearInput?.closest('.entry');
    if (!entry) {
      entry = addEntry(form, listPath);
      entry.querySelector('[data-path$=".year"]').value = value;
      form.dispatchEvent(new Event('change'));
    }
    element = entry.querySelector('[data-path]:not([data-path$=".year"])');
  } else {
    const entry = /^(.+?)\.(\d+)(?:\.|$)/.exec(path);
    if (entry && form.querySelector(`[data-list="${entry[1]}"]`)) {
      const entries = () => form.querySelectorAll(`[data-list="${entry[1]}"] > .entries > .entry`).length;
      while (entries() <= Number(entry[2])) addEntry(form, entry[1]);
    }
    element = elementFor(form, path);
  }
  element?.scrollIntoView({ block: 'center' });
  element?.focus();
  return element;
}
