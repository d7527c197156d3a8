// "Sign out everywhere": what it does, in words, and one button (POST) that does it. A member who lost a
// laptop, or whose token leaked, ends every session and revokes every token of theirs at once.
import { renderPage } from '../layout.tsx';
import type { View } from '../view.ts';

export function signOutEverywherePage(view: View) {
  const { t } = view;
  return renderPage(view, {
    title: t('signOutEverywhereTitle'),
    children: (
      <>
        <h1>{t('signOutEverywhereTitle')}</h1>
        <p>{t('signOutEverywhereText')}</p>
        <form method="post" action="/web/sign-out-everywhere">
          <div class="actions">
            <button type="submit">{t('signOutEverywhereButton')}</button>
          </div>
        </form>
        <p>
          <a href="/web">{t('backToLibrary')}</a>
        </p>
      </>
    ),
  });
}
