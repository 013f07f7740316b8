import { createMemo, createSignal, For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { languageInfo } from '../../../survey/languages.ts';
import { COMMENT_TAGS, type CommentList, type CommentTag } from '../../../survey/reportTypes.ts';
import { createApiData } from '../createApiData.ts';
import { formatCount, formatQuarter } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { surveyQuestions } from '../surveyQuestions.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { ReportFilters } from '../ui/ReportFilters.tsx';
import { ReportState } from '../ui/ReportState.tsx';
import { SpokenCommentList } from '../spoken/SpokenCommentList.tsx';
import { MediatorNotesSection } from '../notes/MediatorNotesSection.tsx';
import { submitListener } from '../ui/submitListener.ts';

type Comment = CommentList['comments'][number];
// Spoken comments have their own list below (SpokenCommentList): the text filters are for typed ones.
const FREE_TEXT_KINDS = ['text'];

/** One comment: its question, its language, the words as text (never HTML), and its tag. */
function CommentItem(props: { comment: Comment; index: number; canTag: boolean; survey: { defaultLanguage: string } | undefined }) {
  const staff = useStaff();
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  // The tag lives here, not in the list: the list is not rebuilt, so focus stays on this select.
  const [tag, setTag] = createSignal(props.comment.tag);
  const selectId = () => `sw-comment-tag-${props.index}`;
  const question = () => {
    const topic = staff.surveyText(props.comment.topic?.title, props.survey);
    const text = staff.surveyText(props.comment.questionText, props.survey);
    return topic ? t('results:breakdown.questionInTopic', { topic, question: text }) : text;
  };
  const language = () => {
    const info = languageInfo(props.comment.language);
    return info.nativeName === info.englishName ? info.nativeName : `${info.nativeName} (${info.englishName})`;
  };

  const changeTag = async (value: string) => {
    const chosen = value === '' ? null : (value as CommentTag);
    setBusy(true);
    setSaved(false);
    setError(undefined);
    try {
      await staff.api.tagComment(props.comment.id, chosen);
      setTag(chosen);
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="sw-comment">
      <p class="sw-comment__question">{question()}</p>
      <p class="sw-comment__meta">{t('results:comments.language', { language: language() })}</p>
      {/* Solid renders this as a text node: a comment's words never become markup. */}
      <p class="sw-comment__text" lang={props.comment.language} dir="auto">
        {props.comment.text}
      </p>
      <Show
        when={props.canTag}
        fallback={<p class="sw-comment__tag">{tag() ? t('results:comments.taggedAs', { tag: t(`results:tags.${tag()}`) }) : t('results:comments.untagged')}</p>}
      >
        <div class="sw-field sw-field--inline">
          <label for={selectId()}>{t('results:comments.tagOf', { n: props.index + 1 })}</label>
          <select id={selectId()} disabled={busy()} onInput={(event) => void changeTag(event.currentTarget.value)}>
            <option value="" selected={tag() === null}>
              {t('results:tags.none')}
            </option>
            <For each={[...COMMENT_TAGS]}>{(name) => <option value={name} selected={tag() === name}>{t(`results:tags.${name}`)}</option>}</For>
          </select>
          <Show when={saved()}>
            <span class="sw-success" role="status">
              {t('results:comments.tagSaved')}
            </span>
          </Show>
        </div>
        <ErrorNotice error={error()} />
      </Show>
    </li>
  );
}

/** Free-text answers per facility and quarter, filtered by question, tag and words; tagged by managers and admins. */
export function CommentsScreen() {
  const staff = useStaff();
  const { selection, router } = staff;
  const canTag = () => staff.user().role === 'admin' || staff.user().role === 'manager';
  const survey = () => staff.surveys()?.find((s) => s.id === selection.surveyId());
  const questions = createMemo(() => surveyQuestions(survey()?.definition));
  const freeTextQuestions = createMemo(() => questions().filter((q) => FREE_TEXT_KINDS.includes(q.kind)));
  const param = (name: string) => router.search().get(name) ?? '';
  const [words, setWords] = createSignal(param('q'));

  const setParam = (name: string, value: string) => {
    const params = router.search();
    if (value) params.set(name, value);
    else params.delete(name);
    router.replaceSearch(params);
  };

  const list = createApiData(
    () => {
      if (!selection.surveyId() || !selection.facilityId()) return undefined;
      return {
        survey: selection.surveyId(),
        facility: selection.facilityId(),
        period: selection.quarter(),
        question: param('question') || undefined,
        tag: param('tag') || undefined,
        q: param('q') || undefined,
      };
    },
    (choice) => staff.api.comments(choice),
  );

  const questionLabel = (q: ReturnType<typeof freeTextQuestions>[number]) => {
    const topic = staff.surveyText(q.topic?.title, survey());
    const text = staff.surveyText(q.text, survey());
    return topic ? t('results:breakdown.questionInTopic', { topic, question: text }) : text;
  };

  return (
    <>
      <h1>{t('results:comments.title')}</h1>
      <ReportFilters idPrefix="sw-comments" facility="one" periods="quarter" />
      <div class="sw-filters" role="group" aria-label={t('results:comments.filtersLabel')}>
        <div class="sw-field">
          <label for="sw-comments-question">{t('results:comments.question')}</label>
          <select id="sw-comments-question" onInput={(event) => setParam('question', event.currentTarget.value)}>
            <option value="" selected={!param('question')}>
              {t('results:comments.allQuestions')}
            </option>
            <For each={freeTextQuestions()}>{(q) => <option value={q.id} selected={param('question') === q.id}>{questionLabel(q)}</option>}</For>
          </select>
        </div>
        <div class="sw-field">
          <label for="sw-comments-tag">{t('results:comments.tag')}</label>
          <select id="sw-comments-tag" onInput={(event) => setParam('tag', event.currentTarget.value)}>
            <option value="" selected={!param('tag')}>
              {t('results:comments.allTags')}
            </option>
            <option value="none" selected={param('tag') === 'none'}>
              {t('results:tags.none')}
            </option>
            <For each={[...COMMENT_TAGS]}>{(tag) => <option value={tag} selected={param('tag') === tag}>{t(`results:tags.${tag}`)}</option>}</For>
          </select>
        </div>
        <form
          class="sw-form sw-form--inline"
          role="search"
          ref={submitListener(() => setParam('q', words().trim()))}
        >
          <div class="sw-field">
            <label for="sw-comments-words">{t('results:comments.words')}</label>
            <input id="sw-comments-words" type="search" value={words()} onInput={(e) => setWords(e.currentTarget.value)} />
          </div>
          <button type="submit" class="sw-button">
            {t('results:comments.search')}
          </button>
        </form>
      </div>
      <ReportState source={list}>
        {(data) => (
          <section class="sw-section" aria-labelledby="sw-comments-found">
            <h2 id="sw-comments-found">
              {t('results:comments.found', { count: data().comments.length, formatted: formatCount(data().comments.length, staff.language()), facility: data().facility.name, period: formatQuarter(data().period.id) })}
            </h2>
            <ol class="sw-comments">
              <For each={data().comments}>
                {(comment, index) => (
                  <CommentItem
                    comment={comment}
                    index={index()}
                    canTag={canTag()}
                    survey={survey()}
                  />
                )}
              </For>
            </ol>
          </section>
        )}
      </ReportState>
      <SpokenCommentList
        choice={() => (selection.surveyId() && selection.facilityId() ? { surveyId: selection.surveyId()!, facilityId: selection.facilityId()!, period: selection.quarter() } : undefined)}
        questionLabel={(id) => {
          const q = questions().find((candidate) => candidate.id === id);
          return q ? questionLabel(q) : id;
        }}
      />
      <MediatorNotesSection
        choice={() => (selection.surveyId() && selection.facilityId() ? { survey: selection.surveyId(), facility: selection.facilityId(), period: selection.quarter() } : undefined)}
      />
    </>
  );
}
