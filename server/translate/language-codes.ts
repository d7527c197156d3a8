// Language codes between engines and our API. Our API speaks lower-case BCP-47 (`fr`, `pt-br`); the
// engines' lists are normalised to the base language (`EN-GB` → `en`, `zh-Hans` → `zh`, LibreTranslate's
// `pb` → `pt`), and a requested code is turned back into the engine's own spelling.

/**
 * Engines' spellings of one language under our code: LibreTranslate's `pb` (Brazilian Portuguese), Norwegian
 * Bokmål `nb` (DeepL, LibreTranslate) for the `no` browsers and Chrome use, the old Hebrew code `iw`.
 */
const aliases: Record<string, string> = { pb: 'pt', nb: 'no', iw: 'he' };

/** `EN-GB` → `en`, `zh_Hans` → `zh`, `pb` → `pt`, `NB` → `no`. */
export function baseLanguage(code: string): string {
  const base = code.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return aliases[base] ?? base;
}

/** A code an engine sent us, accepted only if it looks like one (engine answers are untrusted). */
export function engineCodeOrNull(code: unknown): string | null {
  if (typeof code !== 'string' || code.length > 20) return null;
  return /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(code) ? baseLanguage(code) : null;
}

/** Whether an engine's list (our codes) supports `source` (or `auto`) → `target`. */
export function supportsPair(
  languages: readonly { code: string; targets: readonly string[] }[],
  source: string,
  target: string,
): boolean {
  const t = baseLanguage(target);
  if (source === 'auto') return languages.some((l) => l.targets.includes(t));
  const s = baseLanguage(source);
  return languages.some((l) => l.code === s && l.targets.includes(t));
}
