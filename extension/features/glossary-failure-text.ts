// Why a glossary change was not stored, in words a member can act on: offline, not connected, a role that
// may not write, a field that is wrong (named: "the Italian label", "the note"), a term deleted meanwhile, a
// full glossary. The text typed stays in the form whatever the failure.
import { languageName } from '../../shared/translate/languages.ts';
import { t, uiLanguage } from '../lib/i18n.ts';
import type { ServerFailure } from '../sync/translate-client.ts';
import { fieldOfServerMessage, type GlossaryField, type GlossaryProblem } from './glossary-edit.ts';

export function glossaryFieldName(field: GlossaryField): string {
  if (field.kind === 'note') return t('glossaryFieldNote');
  if (field.kind === 'labels') return t('glossaryFieldLabels');
  return t('glossaryFieldLabel', languageName(field.lang, uiLanguage()));
}

export function glossaryProblemText(problem: GlossaryProblem): string {
  if (problem.reason === 'empty') return t('glossaryNeedsLabel');
  return t('glossaryTooLong', glossaryFieldName(problem.field), (problem.max ?? 0).toLocaleString());
}

export function glossaryFailureText(failure: ServerFailure): string {
  switch (failure.code) {
    case 'not_connected':
      return t('glossaryNotConnected');
    case 'offline':
    case 'engine_timeout':
      return t('glossaryOffline');
    case 'forbidden':
    case 'http_403':
      return t('glossaryNotAllowed');
    case 'unauthorized':
    case 'http_401':
      return t('failure_unauthorized');
    case 'not_found':
    case 'http_404':
      return t('glossaryGone');
    case 'glossary_full':
      return t('glossaryFull');
    case 'validation_failed': {
      const field = fieldOfServerMessage(failure.message);
      const reason = failure.message.slice(failure.message.indexOf(':') + 1).trim();
      return field
        ? t('glossaryRefusedField', glossaryFieldName(field), reason)
        : t('glossaryRefused', failure.message);
    }
    default:
      return t('glossarySaveFailed', failure.message);
  }
}
