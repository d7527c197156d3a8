// A page that only says something: not found, not allowed, a bad request or a server error, in words.
import { renderPage } from '../layout.tsx';
import type { Section, View } from '../view.ts';

export function messagePage(
  view: View,
  { title, text, section, back = true }: { title: string; text: string; section?: Section; back?: boolean },
) {
  return renderPage(view, {
    title,
    section,
    children: (
      <>
        <h1>{title}</h1>
        <p class="notice error" role="alert">
          {text}
        </p>
        {back && view.user && (
          <p>
            <a href="/web">{view.t('backToLibrary')}</a>
          </p>
        )}
      </>
    ),
  });
}
