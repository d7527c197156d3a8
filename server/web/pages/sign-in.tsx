// The sign-in page: a personal access token field (POST creates a session), with the place to return to
// carried in a hidden `next`, and a message when the session ended, the token or the link was refused.

import type { MessageKey } from '../i18n/en.ts';
import { renderPage } from '../layout.tsx';
import type { View } from '../view.ts';

export function signInPage(view: View, { next, message }: { next: string; message?: MessageKey }) {
  const { t } = view;
  const isError = message && message !== 'signedOut';
  return renderPage(view, {
    title: t('signInTitle'),
    children: (
      <>
        <h1>{t('signInTitle')}</h1>
        {message && (
          <p class={isError ? 'notice error' : 'notice'} role={isError ? 'alert' : 'status'}>
            {t(message)}
          </p>
        )}
        <p>{t('signInIntro')}</p>
        <form method="post" action="/web/sign-in">
          <input type="hidden" name="next" value={next} />
          <label for="token">{t('tokenLabel')}</label>
          <input id="token" name="token" type="password" autocomplete="off" spellcheck={false} required />
          <div class="actions">
            <button type="submit">{t('signInButton')}</button>
          </div>
        </form>
      </>
    ),
  });
}
