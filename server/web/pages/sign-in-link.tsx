// The confirmation a sign-in link printed by the server opens on: whose account it signs in to, and one
// button that spends the link (POST). Opening the link alone spends nothing (routes/web.ts says why).
import { renderPage } from '../layout.tsx';
import type { WebUser } from '../session.ts';
import type { View } from '../view.ts';

export function signInLinkPage(
  view: View,
  { secret, next, user }: { secret: string; next: string; user: WebUser },
) {
  const { t } = view;
  return renderPage(view, {
    title: t('signInTitle'),
    children: (
      <>
        <h1>{t('signInTitle')}</h1>
        <p>{t('signInLinkConfirm', { name: user.member.name, city: user.city.name })}</p>
        <form method="post" action="/web/sign-in/link">
          <input type="hidden" name="token" value={secret} />
          <input type="hidden" name="next" value={next} />
          <div class="actions">
            <button type="submit">{t('signInLinkContinue', { name: user.member.name })}</button>
          </div>
        </form>
        <p class="muted">{t('signInLinkNotYou')}</p>
      </>
    ),
  });
}
