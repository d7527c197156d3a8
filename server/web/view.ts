// What every dashboard page knows about its request: the interface language and its messages, the signed-in
// member (null on the sign-in pages) and the current path with its query (for the language switch and the
// `next=` of sign-in).
import type { Translate, UiLang } from './i18n/index.ts';
import type { WebUser } from './session.ts';

export type Section = 'library' | 'coverage' | 'activity' | 'network' | 'report';

export interface View {
  lang: UiLang;
  t: Translate;
  user: WebUser | null;
  /** The current path and query string, e.g. `/web?q=ecole`. */
  path: string;
}
