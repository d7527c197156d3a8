// The city glossary, opened from the Translate tab: the built-in ICC concepts (Index areas, principles,
// programme terms) in English and French with the city's label in its own language, editable in place, and
// the city's own terms (add, edit, delete with confirmation); filtered as you type. Viewers read it and are
// told why they cannot edit. Every change goes to the city server through the background ('glossary-put',
// 'glossary-delete'); the Translate tab reads the glossary again when it is shown next.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { GlossaryTerm } from '../../../shared/api/glossary.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { iccGlossary } from '../../../shared/translate/glossary.ts';
import { baseLang, languageName } from '../../../shared/translate/languages.ts';
import { type GlossaryRequest, localLabelChange } from '../../features/glossary-edit.ts';
import { glossaryFailureText, glossaryProblemText } from '../../features/glossary-failure-text.ts';
import {
  type BuiltInGroup,
  builtInGroups,
  filterGlossaryRows,
  glossaryRows,
  labelIn,
  withStoredChange,
} from '../../features/glossary-rows.ts';
import { t, uiLanguage } from '../../lib/i18n.ts';
import { sendRequest } from '../../lib/messages.ts';
import { loadDraft, saveDraft } from '../../store/drafts.ts';
import type { ConnectionInfo } from '../../sync/connection.ts';
import { Notice } from '../components/Notice.tsx';
import { GlossaryConceptRow } from './GlossaryConceptRow.tsx';
import { GlossaryTermForm } from './GlossaryTermForm.tsx';

const groupTitle: Record<
  BuiltInGroup,
  'glossaryGroupAreas' | 'glossaryGroupPrinciples' | 'glossaryGroupProgramme'
> = {
  index_area: 'glossaryGroupAreas',
  principle: 'glossaryGroupPrinciples',
  programme: 'glossaryGroupProgramme',
};

const send = (m: unknown) => browser.runtime.sendMessage(m);

/** Labels typed and not yet stored, by concept: kept in the drafts store so closing the panel loses none. */
const labelDraftsKey = 'glossary:labels';

interface Props {
  connection: ConnectionInfo | null;
  readOnly: boolean;
  /** The city's language (from the server); null until known. */
  cityLang: string | null;
  onBack: () => void;
}

export function GlossaryView({ connection, readOnly, cityLang, onBack }: Props) {
  const [terms, setTerms] = useState<GlossaryTerm[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ui = uiLanguage();
  const localLang = baseLang(cityLang ?? 'und');
  const knowsLang = localLang !== 'und';
  const canEdit = !!connection && !readOnly && knowsLang;

  useEffect(() => {
    if (!connection) return;
    void sendRequest(send, { type: 'city-glossary' }).then((reply) => {
      if (reply.ok) setTerms(reply.value);
      else setLoadError(glossaryFailureText(reply.failure));
    });
  }, [connection?.cityId]);

  useEffect(() => {
    void loadDraft(labelDraftsKey).then((kept) => {
      if (kept) setDrafts((typed) => ({ ...(kept as Record<string, string>), ...typed }));
    });
  }, []);
  const updateDrafts = (change: (d: Record<string, string>) => Record<string, string>) =>
    setDrafts((current) => {
      const next = change(current);
      void saveDraft(labelDraftsKey, next);
      return next;
    });

  const rows = useMemo(() => glossaryRows(iccGlossary, terms, localLang), [terms, localLang]);
  const shown = filterGlossaryRows(rows, query);

  /** Sends a change; answers the error text (the typed text stays where it is) or null once stored. */
  const store = async (request: GlossaryRequest): Promise<string | null> => {
    setNotice(null);
    const reply = await sendRequest(send, request);
    if (!reply.ok) return glossaryFailureText(reply.failure);
    setTerms((current) =>
      withStoredChange(
        current,
        'deleted' in reply.value ? { deleted: reply.value.deleted } : { stored: reply.value },
      ),
    );
    setNotice(t('glossarySaved'));
    return null;
  };
  /** The term form's save: stored, the form closes; refused, it stays open with the error. */
  const storeAndClose = async (request: GlossaryRequest): Promise<string | null> => {
    const error = await store(request);
    if (!error) setEditing(null);
    return error;
  };

  const saveLocal = async (conceptId: string) => {
    const row = rows.concepts.find((r) => r.conceptId === conceptId);
    const draft = drafts[conceptId];
    if (!row || draft === undefined) return;
    const change = localLabelChange(row, localLang, draft, uuidv7());
    const setError = (text: string | null) =>
      setErrors(({ [conceptId]: _old, ...rest }) => (text ? { ...rest, [conceptId]: text } : rest));
    if (!change.ok) return setError(glossaryProblemText(change.problem));
    if (!change.request) return;
    setBusy(conceptId);
    const error = await store(change.request);
    setBusy(null);
    setError(error);
    if (!error) updateDrafts(({ [conceptId]: _done, ...rest }) => rest);
  };

  const localName = knowsLang ? languageName(localLang, ui) : '';
  const why = !connection
    ? t('glossaryConnectFirst')
    : readOnly
      ? t('glossaryViewerReadOnly')
      : !knowsLang
        ? t('glossaryNoCityLanguage')
        : null;

  return (
    <div class="glossary-view" data-testid="glossary-view">
      <button type="button" class="link back" onClick={onBack}>
        {t('glossaryBack')}
      </button>
      <h2 id="glossary-title">{t('glossaryViewTitle')}</h2>
      <p class="count-line">{knowsLang ? t('glossaryIntro', localName) : t('glossaryIntroNoLang')}</p>
      {why && <Notice tone="info">{why}</Notice>}
      {loadError && <Notice tone="error">{loadError}</Notice>}
      {notice && <Notice tone="ok">{notice}</Notice>}
      <input
        type="search"
        aria-label={t('glossarySearch')}
        placeholder={t('glossarySearch')}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {shown.concepts.length === 0 && shown.own.length === 0 && (
        <p class="count-line">{t('glossaryNoMatch')}</p>
      )}
      {builtInGroups.map((group) => {
        const list = shown.concepts.filter((row) => row.group === group);
        if (!list.length) return null;
        return (
          <section key={group} class="glossary-group">
            <h3>{t(groupTitle[group])}</h3>
            <ul class="list">
              {list.map((row) => (
                <GlossaryConceptRow
                  key={row.conceptId}
                  row={row}
                  localLang={localLang}
                  canEdit={canEdit}
                  draft={drafts[row.conceptId]}
                  error={errors[row.conceptId]}
                  busy={busy === row.conceptId}
                  onDraft={(value) => {
                    updateDrafts((d) => ({ ...d, [row.conceptId]: value }));
                    setErrors(({ [row.conceptId]: _seen, ...rest }) => rest);
                  }}
                  onSave={() => void saveLocal(row.conceptId)}
                />
              ))}
            </ul>
          </section>
        );
      })}
      <section class="glossary-group" data-testid="glossary-own">
        <h3>{t('glossaryGroupCity')}</h3>
        {rows.own.length === 0 && <p class="count-line">{t('glossaryNoOwnTerms')}</p>}
        <ul class="list">
          {shown.own.map((term) =>
            editing === term.id ? (
              <li key={term.id}>
                <GlossaryTermForm
                  term={term}
                  localLang={localLang}
                  onSave={storeAndClose}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={term.id} class="glossary-own-term" data-term={term.id}>
                <div class="glossary-builtin">
                  {Object.entries(term.labels).map(([lang, label]) => (
                    <span key={lang} lang={lang}>
                      <abbr title={languageName(lang, ui)}>{lang.toUpperCase()}</abbr> {label}
                    </span>
                  ))}
                </div>
                {term.note && <p class="glossary-note">{term.note}</p>}
                {canEdit && confirming !== term.id && editing === null && (
                  <div class="inline-actions">
                    <button type="button" class="link" onClick={() => setEditing(term.id)}>
                      {t('glossaryEdit')}
                    </button>
                    <button type="button" class="link" onClick={() => setConfirming(term.id)}>
                      {t('glossaryDelete')}
                    </button>
                  </div>
                )}
                {confirming === term.id && (
                  <div class="glossary-confirm">
                    <span>
                      {t(
                        'glossaryDeleteConfirm',
                        labelIn(term.labels, localLang) || Object.values(term.labels)[0] || '',
                      )}
                    </span>
                    <button
                      type="button"
                      class="danger"
                      onClick={async () => {
                        const error = await store({ type: 'glossary-delete', id: term.id });
                        setConfirming(null);
                        setErrors(({ [term.id]: _old, ...rest }) =>
                          error ? { ...rest, [term.id]: error } : rest,
                        );
                      }}
                    >
                      {t('glossaryDeleteYes')}
                    </button>
                    <button type="button" onClick={() => setConfirming(null)}>
                      {t('cancel')}
                    </button>
                  </div>
                )}
                {errors[term.id] && (
                  <p class="field-error" role="alert">
                    {errors[term.id]}
                  </p>
                )}
              </li>
            ),
          )}
        </ul>
        {canEdit &&
          (editing === 'new' ? (
            <GlossaryTermForm
              term={null}
              localLang={localLang}
              onSave={storeAndClose}
              onCancel={() => setEditing(null)}
            />
          ) : editing === null ? (
            <div class="actions">
              <button type="button" onClick={() => setEditing('new')}>
                {t('glossaryAddTerm')}
              </button>
            </div>
          ) : null)}
      </section>
    </div>
  );
}
