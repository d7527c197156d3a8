// A refused query string in words: which parameter, and what is wrong with it, in the interface language
// (the shared schemas' own messages are English, so they are shown only as the detail of "not valid").
import type { ParamError } from '../../shared/api/library.ts';
import type { Translate } from './i18n/index.ts';

export function paramProblem(t: Translate, error: ParamError): string {
  const issue = error.issues[0];
  if (!issue) return t('paramInvalid', { param: '?', detail: error.message });
  const param = String(issue.path[0] ?? '?');
  if (issue.message === 'unknown parameter') return t('paramUnknown', { param });
  if (issue.message === 'given more than once') return t('paramRepeated', { param });
  return t('paramInvalid', { param, detail: issue.message });
}
