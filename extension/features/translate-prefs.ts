// The member's translation preferences (Options): which machine engine to try first — Chrome's built-in
// Translator (on this device, nothing leaves the browser) or the city server's engine — and the default target
// language. The translation memory is always consulted first. Kept in storage.local: no secret in it.
import { browser } from 'wxt/browser';

export type MachineEngine = 'browser' | 'server';

export interface TranslatePrefs {
  /** Machine engines in the order they are tried. */
  engineOrder: MachineEngine[];
  /** The target language offered first; null: the city's language. */
  defaultTarget: string | null;
}

export const defaultTranslatePrefs: TranslatePrefs = {
  engineOrder: ['browser', 'server'],
  defaultTarget: null,
};

const key = 'translatePrefs';

/** Stored preferences, repaired: both engines exactly once, an unknown value dropped. */
export function normalisePrefs(raw: unknown): TranslatePrefs {
  const value = (raw ?? {}) as Partial<TranslatePrefs>;
  const order = Array.isArray(value.engineOrder)
    ? value.engineOrder.filter((e): e is MachineEngine => e === 'browser' || e === 'server')
    : [];
  const engineOrder = [...new Set([...order, ...defaultTranslatePrefs.engineOrder])];
  const defaultTarget =
    typeof value.defaultTarget === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value.defaultTarget)
      ? value.defaultTarget
      : null;
  return { engineOrder, defaultTarget };
}

export async function loadTranslatePrefs(): Promise<TranslatePrefs> {
  return normalisePrefs((await browser.storage.local.get(key))[key]);
}

export async function saveTranslatePrefs(prefs: TranslatePrefs): Promise<void> {
  await browser.storage.local.set({ [key]: normalisePrefs(prefs) });
}
