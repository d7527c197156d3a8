// A set-aside change in words (store/set-aside.ts): what it was, then why the city library does not have it.
import { t } from '../../lib/i18n.ts';
import type { SetAsideChange } from '../../store/set-aside.ts';

const kindWord = {
  practice: 'setAsideKind_practice',
  highlight: 'setAsideKind_highlight',
  stakeholder: 'setAsideKind_stakeholder',
  snippet: 'setAsideKind_snippet',
} as const;

/** "Practice “Welcome desk” (edit): it was deleted in the city library meanwhile". */
export function setAsideText(change: SetAsideChange): string {
  const { mutation } = change;
  const kind = t(kindWord[mutation.kind]);
  const name = change.label ?? mutation.objectId.slice(0, 8);
  const what =
    mutation.op === 'delete'
      ? t('setAsideDeletion', kind, name)
      : mutation.baseVersion === 0 && mutation.createdAt !== undefined
        ? t('setAsideCreation', kind, name)
        : t('setAsideEdit', kind, name);
  return t('setAsideItem', what, whyText(change));
}

function whyText(change: SetAsideChange): string {
  switch (change.why) {
    case 'refused':
      return t('setAsideWhy_refused', change.detail ?? '');
    case 'dropped':
      return t(
        'setAsideWhy_dropped',
        Object.values(change.dropped ?? {})
          .flat()
          .join(', '),
      );
    case 'ignored':
      if (change.detail === 'parent_deleted') return t('setAsideWhy_parent_deleted');
      if (change.detail === 'not_found') return t('setAsideWhy_not_found');
      return t('setAsideWhy_deleted');
  }
}
