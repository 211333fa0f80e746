import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { PendingButton } from '../../components/PendingButton.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate, useSearch } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import { HrAgentLeave } from '../leave/HrAgentLeave.tsx';
import { StaffLayout } from '../StaffLayout.tsx';
import { queryString } from '../staff-query.ts';
import '../../theme/leave.css';

const BADGE = /^\d{7}$/;

// /rh/absences?badge=1000001: HR finds an agent of their perimeter by badge number, records a sick leave or
// an absence, and reads or corrects the agent's balances. The badge is in the address (reload, Back).
export function HrAbsencesPage() {
  const { requests } = useI18n();
  const text = requests.leave.hr;
  const asked = new URLSearchParams(useSearch()).get('badge');
  const badge = asked && BADGE.test(asked) ? asked : undefined;
  const [value, setValue] = useState(badge ?? '');
  const { errors, check, clear, formRef } = useFieldErrors();

  function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = value.trim();
    if (!check({ badge: BADGE.test(typed) ? undefined : text.badgeInvalid })) return;
    navigate(`${paths.hrAbsences}${queryString({ badge: typed })}`);
  }

  return (
    <StaffLayout area="hr" title={text.title} lead={text.lead}>
      <Form ref={formRef} className="form-card hr-absences__find" onSubmit={find} validationBehavior="aria" aria-labelledby="hr-absences-find">
        <h2 id="hr-absences-find" className="form-card__title">
          {text.findTitle}
        </h2>
        <TextInput
          label={text.badge}
          description={text.badgeHint}
          inputMode="numeric"
          autoComplete="off"
          inputProps={{ size: 9 }}
          value={value}
          onChange={(next) => {
            setValue(next);
            clear('badge');
          }}
          error={errors.badge}
          isRequired
        />
        <div className="form-actions">
          <PendingButton type="submit" className="button button--primary">
            {text.find}
          </PendingButton>
        </div>
      </Form>
      {badge ? <HrAgentLeave key={badge} badge={badge} /> : null}
    </StaffLayout>
  );
}
