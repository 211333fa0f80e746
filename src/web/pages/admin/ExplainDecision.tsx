import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import type { z } from 'zod';
import type { ExplainResponse } from '../../../server/modules/access/access.schema.ts';
import { type Action, rules } from '../../../server/modules/access/access.policy.ts';
import { api } from '../../api/api-client.ts';
import { Alert } from '../../components/Alert.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { queryString } from '../staff-query.ts';

type Decision = z.infer<typeof ExplainResponse>;

// "May this person do this, on that person, and why?" as the policy answers it, for administrators.
export function ExplainDecision() {
  const { admin } = useI18n();
  const text = admin.administration.explain;
  const [actor, setActor] = useState('');
  const [action, setAction] = useState<Action>('account.view');
  const [target, setTarget] = useState('');
  const [errors, setErrors] = useState<{ actor?: string; target?: string }>({});
  const [decision, setDecision] = useState<Decision>();
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  // Every action of the policy, named when the dictionary knows it (other modules add theirs over time).
  const actionLabel = (value: Action) => text.actions[value] ?? value;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const next = {
      actor: /^\d{7}$/.test(actor.trim()) ? undefined : admin.administration.roles.badgeInvalid,
      target: !target.trim() || /^\d{7}$/.test(target.trim()) ? undefined : admin.administration.roles.badgeInvalid,
    };
    setErrors(next);
    if (next.actor || next.target) {
      window.requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setPending(true);
    setError(undefined);
    setDecision(undefined);
    try {
      setDecision(await api.get<Decision>(`/api/admin/access/explain${queryString({ actor: actor.trim(), action, target: target.trim() })}`));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="explain-title" className="staff-section">
      <h2 id="explain-title">{text.title}</h2>
      <p>{text.lead}</p>
      <Form onSubmit={submit} validationBehavior="aria" className="search-panel search-panel--grid">
        <TextInput
          label={text.actor}
          value={actor}
          onChange={(value) => {
            setActor(value);
            setErrors((previous) => ({ ...previous, actor: undefined }));
          }}
          error={errors.actor}
          isRequired
        />
        <NativeSelect
          label={text.action}
          value={action}
          options={(Object.keys(rules) as Action[]).map((value) => ({ value, label: actionLabel(value) }))}
          onChange={(value) => setAction(value as Action)}
        />
        <TextInput
          label={`${text.target} ${admin.common.optionalMark}`}
          value={target}
          onChange={(value) => {
            setTarget(value);
            setErrors((previous) => ({ ...previous, target: undefined }));
          }}
          error={errors.target}
        />
        <div className="search-panel__actions">
          <PendingButton type="submit" className="button button--primary" pending={pending}>
            {text.submit}
          </PendingButton>
        </div>
      </Form>
      <div role="status">
        {decision ? (
          <Alert tone={decision.allowed ? 'success' : 'warning'} title={decision.allowed ? text.allowed : text.refused}>
            <p>{decision.target ? text.question(decision.actor, actionLabel(action), decision.target) : text.questionNoTarget(decision.actor, actionLabel(action))}</p>
            <p lang="fr">{decision.reason}</p>
          </Alert>
        ) : null}
      </div>
      {error ? <ProblemAlert error={error} /> : null}
    </section>
  );
}
