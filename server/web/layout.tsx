// The page shell every dashboard page shares: <html lang>, the stylesheet, a skip link, the nav with the
// city and the signed-in member, the language switch and sign out. Rendered to a string on the server; no
// script anywhere.
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { MessageKey } from './i18n/en.ts';
import type { Section, View } from './view.ts';

const sections: { id: Section; href: string; label: MessageKey; networkOnly?: boolean }[] = [
  { id: 'library', href: '/web', label: 'navLibrary' },
  { id: 'coverage', href: '/web/coverage', label: 'navCoverage' },
  { id: 'activity', href: '/web/activity', label: 'navActivity' },
  { id: 'network', href: '/web/network', label: 'navNetwork', networkOnly: true },
  { id: 'report', href: '/web/report', label: 'navReport' },
];

const roleKey = {
  coordinator: 'roleCoordinator',
  contributor: 'roleContributor',
  viewer: 'roleViewer',
} as const;

function Header({ view, section }: { view: View; section?: Section }) {
  const { t, user, lang } = view;
  const other = lang === 'fr' ? 'en' : 'fr';
  const switchHref = `/web/lang?set=${other}&next=${encodeURIComponent(view.path)}`;
  return (
    <header class="top">
      <div class="bar">
        <a class="brand" href="/web">
          {t('appName')}
        </a>
        {user && (
          <nav class="main" aria-label={t('mainNav')}>
            <ul>
              {sections
                .filter((s) => !s.networkOnly || user.networkId)
                .map((s) => (
                  <li key={s.id}>
                    <a href={s.href} aria-current={s.id === section ? 'page' : undefined}>
                      {t(s.label)}
                    </a>
                  </li>
                ))}
            </ul>
          </nav>
        )}
        <div class="who">
          {user && (
            <>
              <span>{t('cityOf', { city: user.city.name })}</span>
              <span>
                {t('signedInAs', { name: user.member.name })} ({t(roleKey[user.member.role])})
              </span>
            </>
          )}
          <a href={switchHref} lang={other} hreflang={other}>
            {t('switchToOther')}
          </a>
          {user && (
            <form method="post" action="/web/sign-out">
              <button type="submit" class="linkish">
                {t('signOut')}
              </button>
            </form>
          )}
          {user && <a href="/web/sign-out-everywhere">{t('signOutEverywhere')}</a>}
        </div>
      </div>
    </header>
  );
}

export function renderPage(
  view: View,
  { title, section, children }: { title: string; section?: Section; children: ComponentChildren },
): string {
  const body = renderToString(
    <html lang={view.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{`${title} · ${view.t('appName')}`}</title>
        <link rel="stylesheet" href="/web/styles.css" />
      </head>
      <body>
        <a class="skip" href="#main">
          {view.t('skipToContent')}
        </a>
        <Header view={view} section={section} />
        <main id="main">{children}</main>
      </body>
    </html>,
  );
  return `<!doctype html>\n${body}`;
}
