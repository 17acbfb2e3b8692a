import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { LANGUAGES } from './languages';

const root = path.resolve(__dirname, '../..');
const localesDir = path.join(root, 'public/locales');

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

function load(language: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(path.join(localesDir, language, 'common.json'), 'utf8')) as Messages);
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const english = load('en');

describe('locales', () => {
  it('has a message file for every language of the UI, and no other', () => {
    expect(readdirSync(localesDir).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))('%s has every key of en, and no other', (language) => {
    const messages = load(language);
    const missing = [...english.keys()].filter((key) => !messages.has(key));
    const extra = [...messages.keys()].filter((key) => !english.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(LANGUAGES)('%s has no empty message and keeps the interpolation variables of en', (language) => {
    const messages = load(language);
    for (const [key, text] of messages) {
      expect(text.trim(), `${language}: ${key}`).not.toBe('');
      expect(variables(text), `${language}: ${key}`).toEqual(variables(english.get(key) ?? ''));
    }
  });

  it('has an English message for every literal key the code uses', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.join(root, 'src'))) {
      const code = readFileSync(file, 'utf8');
      for (const match of code.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(match[1] ?? '');
      for (const match of code.matchAll(/'((?:notice|problem|language|auth|nav|roles)\.[a-zA-Z][\w.]*)'/g)) {
        used.add(match[1] ?? '');
      }
    }
    const missing = [...used].filter((key) => !english.has(key));
    expect(missing).toEqual([]);
  });
});
