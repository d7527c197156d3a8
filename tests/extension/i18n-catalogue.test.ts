// Every user-facing string exists in English and French, with the same placeholders, and every key the code
// uses exists in the catalogue (keys are also typed, this catches dynamic ones such as area groups).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexAreaGroups } from '../../shared/taxonomy/index.ts';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string): Catalogue =>
  JSON.parse(readFileSync(`extension/public/_locales/${lang}/messages.json`, 'utf8'));
const en = load('en');
const fr = load('fr');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'public' ? [] : sources(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

describe('the English and French catalogues', () => {
  it('have the same keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('have a non-empty message and the same placeholders for every key', () => {
    for (const [key, entry] of Object.entries(en)) {
      const other = fr[key]!;
      expect(entry.message.trim(), key).not.toBe('');
      expect(other.message.trim(), key).not.toBe('');
      expect(Object.keys(other.placeholders ?? {}).sort(), key).toEqual(
        Object.keys(entry.placeholders ?? {}).sort(),
      );
      for (const name of Object.keys(entry.placeholders ?? {})) {
        expect(other.message.toLowerCase(), `${key} uses $${name}$`).toContain(`$${name}$`);
      }
    }
  });

  it('are really translated: French differs from English except for names', () => {
    const same = Object.keys(en).filter((k) => en[k]!.message === fr[k]!.message);
    expect(same.sort()).toEqual(['contactOrganisation', 'extName', 'fieldNote', 'metaSite', 'tabContacts']);
  });

  it('hold every key the extension asks for, and the manifest’s __MSG_ keys', () => {
    const used = new Set<string>();
    for (const file of sources('extension')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/\bt\(\s*\w+\s*\?\s*'([A-Za-z0-9_]+)'\s*:\s*'([A-Za-z0-9_]+)'/g)) {
        used.add(m[1]!);
        used.add(m[2]!);
      }
    }
    for (const m of readFileSync('wxt.config.ts', 'utf8').matchAll(/__MSG_([A-Za-z0-9_]+)__/g))
      used.add(m[1]!);
    for (const group of indexAreaGroups) used.add(`areaGroup_${group}`);
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });

  it('hold no key that nothing uses (keys built at run time are listed by prefix)', () => {
    const code = sources('extension')
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n')
      .concat(readFileSync('wxt.config.ts', 'utf8'));
    const dynamic = ['areaGroup_', 'role_', 'stype_', 'basis_'];
    const unused = Object.keys(en).filter(
      (key) =>
        !dynamic.some((p) => key.startsWith(p)) &&
        !code.includes(`'${key}'`) &&
        !code.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });
});
