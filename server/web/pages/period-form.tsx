// The period picker shared by the contributions and report pages: two dates in a GET form, plus whatever
// extra fields the page needs (the report's language).
import type { ComponentChildren } from 'preact';
import type { View } from '../view.ts';

export function PeriodForm({
  view,
  action,
  from,
  to,
  submit,
  children,
}: {
  view: View;
  action: string;
  from: string;
  to: string;
  submit: string;
  children?: ComponentChildren;
}) {
  const { t } = view;
  return (
    <form method="get" action={action} class="noprint">
      <fieldset>
        <legend>{t('periodLegend')}</legend>
        <div class="grid">
          <div>
            <label for="p-from">{t('from')}</label>
            <input id="p-from" name="from" type="date" value={from} />
          </div>
          <div>
            <label for="p-to">{t('to')}</label>
            <input id="p-to" name="to" type="date" value={to} />
          </div>
          {children}
          <div>
            <button type="submit">{submit}</button>
          </div>
        </div>
      </fieldset>
    </form>
  );
}
