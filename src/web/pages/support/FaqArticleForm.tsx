import { type FormEvent, useRef, useState } from 'react';
import { Button, Checkbox, Form } from 'react-aria-components';
import { type FaqCategory, faqCategories } from '../../../server/modules/faq/faq-categories.ts';
import type { AdminArticle, ArticleFields } from '../../../server/modules/faq/faq.schema.ts';
import { api } from '../../api/api-client.ts';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ArticleHtml } from '../help/ArticleHtml.tsx';
import { useFaqText } from '../help/faq-text.ts';

type Values = { slug: string; title: string; category: FaqCategory | ''; body: string; published: boolean };
type Field = keyof Values;

const valuesOf = (article: AdminArticle | undefined): Values =>
  article
    ? { slug: article.slug, title: article.title, category: article.category, body: article.body, published: article.published }
    : { slug: '', title: '', category: '', body: '', published: false };

type FaqArticleFormProps = {
  /** Absent: a new article. */
  article?: AdminArticle;
  onSaved(article: AdminArticle, mode: 'create' | 'edit'): Promise<void>;
  onCancel(): void;
};

// An article's title, category and Markdown, with a preview the server renders exactly as agents will read it.
export function FaqArticleForm({ article, onSaved, onCancel }: FaqArticleFormProps) {
  const { t, locale } = useI18n();
  const { admin: text, categories } = useFaqText();
  const [values, setValues] = useState<Values>(valuesOf(article));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const [preview, setPreview] = useState<string>();
  const [previewPending, setPreviewPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  function set<K extends Field>(field: K, value: Values[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous));
  }

  function fail(caught: unknown) {
    setProblem(caught);
    setErrors(problemFieldErrors(caught, locale, t) as Partial<Record<Field, string>>);
    window.requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function showPreview() {
    setPreviewPending(true);
    setProblem(undefined);
    try {
      setPreview((await api.post<{ html: string }>('/api/support/faq/preview', { body: values.body })).html);
    } catch (caught) {
      fail(caught);
    } finally {
      setPreviewPending(false);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(undefined);
    const missing = (['slug', 'title', 'category', 'body'] as const).filter((field) => !values[field].trim() && !(field === 'slug' && article));
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((field) => [field, text.required])));
      window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const fields: ArticleFields = { title: values.title.trim(), category: values.category as FaqCategory, body: values.body, published: values.published };
      const saved = article
        ? await api.put<AdminArticle>(`/api/support/faq/${encodeURIComponent(article.slug)}`, fields)
        : await api.post<AdminArticle>('/api/support/faq', { ...fields, slug: values.slug.trim() });
      await onSaved(saved, article ? 'edit' : 'create');
    } catch (caught) {
      fail(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <Form ref={formRef} onSubmit={submit} validationBehavior="aria" className="form-card" aria-labelledby="faq-form-title">
      <h2 id="faq-form-title" className="form-card__title" tabIndex={-1}>
        {article ? text.editTitle(article.title) : text.createTitle}
      </h2>
      <div ref={summaryRef} tabIndex={-1} className="focus-target">
        {problem ? <ProblemAlert error={problem} title={text.failed} /> : null}
      </div>
      <TextInput label={text.fields.title} description={text.fields.titleHint} value={values.title} onChange={(v) => set('title', v)} error={errors.title} isRequired maxLength={150} autoComplete="off" />
      {article ? null : (
        <TextInput label={text.fields.slug} description={text.fields.slugHint} value={values.slug} onChange={(v) => set('slug', v)} error={errors.slug} isRequired maxLength={80} autoComplete="off" inputProps={{ spellCheck: false, autoCapitalize: 'none' }} />
      )}
      <NativeSelect
        label={text.fields.category}
        value={values.category}
        emptyLabel="—"
        options={faqCategories.map((value) => ({ value, label: categories[value] }))}
        onChange={(v) => set('category', v as FaqCategory | '')}
        error={errors.category}
        isRequired
      />
      <TextAreaInput label={text.fields.body} description={text.fields.bodyHint} value={values.body} onChange={(v) => set('body', v)} error={errors.body} isRequired maxLength={20000} rows={14} />
      <Checkbox className="checkbox" isSelected={values.published} onChange={(v) => set('published', v)}>
        <span className="checkbox__box" aria-hidden="true" />
        {text.fields.published}
      </Checkbox>

      <section aria-labelledby="faq-preview-title" className="faq-preview" aria-busy={previewPending}>
        <h3 id="faq-preview-title">{text.previewTitle}</h3>
        {preview === undefined ? <p>{text.previewEmpty}</p> : <ArticleHtml html={preview} />}
      </section>

      <div className="form-actions">
        <PendingButton type="submit" className="button button--primary" pending={pending}>
          {article ? text.save : text.create}
        </PendingButton>
        <PendingButton className="button button--secondary" pending={previewPending} onPress={showPreview}>
          {text.preview}
        </PendingButton>
        <Button className="button button--secondary" onPress={onCancel}>
          {text.cancel}
        </Button>
      </div>
    </Form>
  );
}
