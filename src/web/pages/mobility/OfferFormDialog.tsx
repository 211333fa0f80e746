import { useState } from 'react';
import { Checkbox } from 'react-aria-components';
import type { z } from 'zod';
import type { HrReferenceResponse } from '../../../server/modules/accounts/accounts.schema.ts';
import type { HrOffer, HrOfferList, OfferBody } from '../../../server/modules/mobility/mobility.schema.ts';
import { api } from '../../api/api-client.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

type Reference = z.infer<typeof HrReferenceResponse>;
type Named = HrOfferList['departments'][number];
type Values = { departmentCode: string; serviceCode: string; siteId: string; title: string; category: 'A' | 'B' | 'C'; gradeCodes: string[]; description: string; contact: string; closesOn: string };
type Errors = Partial<Record<keyof Values, string>>;

function valuesOf(offer: HrOffer | undefined, departments: Named[]): Values {
  return {
    departmentCode: offer?.department.code ?? departments[0]?.code ?? '',
    serviceCode: offer?.serviceCode ?? '',
    siteId: offer?.siteId ?? '',
    title: offer?.title ?? '',
    category: offer?.category ?? 'C',
    gradeCodes: offer?.grades.map((g) => g.code) ?? [],
    description: offer?.description ?? '',
    contact: offer?.contact ?? '',
    closesOn: offer?.closesOn ?? '',
  };
}

// Writing or editing an offer: where (department, service, site), what (title, category and grades,
// description), whom to ask and until when. Saved as it is; publishing is a separate act.
export function OfferFormDialog({ offer, departments, reference, onClose, onSaved }: {
  offer?: HrOffer;
  /** The departments whose offers the reader manages. */
  departments: Named[];
  reference: Reference;
  onClose(): void;
  onSaved(offer: HrOffer): Promise<void>;
}) {
  const { requests, t, locale } = useI18n();
  const text = requests.mobility.hr.form;
  const [values, setValues] = useState(() => valuesOf(offer, departments));
  const [errors, setErrors] = useState<Errors>({});
  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: undefined }));
  };
  const department = reference.departments.find((d) => d.code === values.departmentCode);
  const grades = reference.grades.filter((g) => g.category === values.category);

  function validate(): boolean {
    const missing = (value: string, min: number) => (value.trim().length < min ? text.missing : undefined);
    const next: Errors = { title: missing(values.title, 3), description: missing(values.description, 20), contact: missing(values.contact, 3), closesOn: missing(values.closesOn, 10) };
    setErrors(next);
    return Object.values(next).every((e) => !e);
  }

  async function save() {
    const body: OfferBody = {
      departmentCode: values.departmentCode,
      serviceCode: values.serviceCode || null,
      siteId: values.siteId || null,
      title: values.title.trim(),
      category: values.category,
      gradeCodes: values.gradeCodes.filter((code) => grades.some((g) => g.code === code)),
      description: values.description.trim(),
      contact: values.contact.trim(),
      closesOn: values.closesOn,
    };
    try {
      const saved = offer ? await api.put<HrOffer>(`/api/hr/job-offers/${encodeURIComponent(offer.id)}`, body) : await api.post<HrOffer>('/api/hr/job-offers', body);
      await onSaved(saved);
    } catch (caught) {
      setErrors(problemFieldErrors(caught, locale, t));
      throw caught;
    }
  }

  return (
    <FormDialog title={offer ? text.editTitle(offer.title) : text.newTitle} confirmLabel={text.save} reason={false} validate={validate} onSubmit={save} onClose={onClose}>
      <p>{text.intro}</p>
      <div className="form-grid">
        <NativeSelect
          label={text.department}
          value={values.departmentCode}
          options={departments.map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` }))}
          onChange={(code) => {
            set('departmentCode', code);
            set('serviceCode', '');
          }}
          error={errors.departmentCode}
          isRequired
        />
        <NativeSelect
          label={text.service}
          value={values.serviceCode}
          emptyLabel={text.noService}
          options={(department?.services ?? []).map((s) => ({ value: s.code, label: s.name }))}
          onChange={(code) => set('serviceCode', code)}
          error={errors.serviceCode}
        />
        <NativeSelect
          label={text.site}
          value={values.siteId}
          emptyLabel={text.noSite}
          options={reference.sites.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(id) => set('siteId', id)}
          error={errors.siteId}
        />
        <NativeSelect
          label={text.category}
          value={values.category}
          options={(['A', 'B', 'C'] as const).map((letter) => ({ value: letter, label: requests.mobility.category(letter) }))}
          onChange={(letter) => set('category', letter as Values['category'])}
          error={errors.category}
          isRequired
        />
      </div>
      <TextInput label={text.title} description={text.titleHint} value={values.title} onChange={(v) => set('title', v)} error={errors.title} isRequired maxLength={200} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{text.grades}</legend>
        <p className="field__description">{text.gradesHint}</p>
        <div className="mobility-choices">
          {grades.map((grade) => (
            <Checkbox
              key={grade.code}
              className="checkbox"
              isSelected={values.gradeCodes.includes(grade.code)}
              onChange={(selected) => set('gradeCodes', selected ? [...values.gradeCodes, grade.code] : values.gradeCodes.filter((c) => c !== grade.code))}
            >
              <span className="checkbox__box" aria-hidden="true" />
              <span lang={locale === 'fr' ? undefined : 'fr'}>{grade.name}</span>
            </Checkbox>
          ))}
        </div>
        {errors.gradeCodes ? <p className="field__error">{errors.gradeCodes}</p> : null}
      </fieldset>
      <TextAreaInput
        label={text.description}
        description={text.descriptionHint}
        value={values.description}
        onChange={(v) => set('description', v)}
        error={errors.description}
        isRequired
        rows={8}
        maxLength={10000}
      />
      <TextInput label={text.contact} description={text.contactHint} value={values.contact} onChange={(v) => set('contact', v)} error={errors.contact} isRequired maxLength={300} />
      <TextInput label={text.closesOn} type="date" value={values.closesOn} onChange={(v) => set('closesOn', v)} error={errors.closesOn} isRequired />
    </FormDialog>
  );
}
