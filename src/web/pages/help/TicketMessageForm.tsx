import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';

// One message field and its button, for the agent's and support's follow-ups and the agent's refusal.
export function TicketMessageForm(props: {
  label: string;
  submit: string;
  required?: boolean;
  children?: ReactNode;
  send(body: string): Promise<void>;
}) {
  const [body, setBody] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (props.required !== false && !body.trim()) return;
    setPending(true);
    setError(undefined);
    try {
      await props.send(body.trim());
      setBody('');
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <Form className="form-card" onSubmit={submit} validationBehavior="aria">
      {error ? <ProblemAlert error={error} /> : null}
      {props.children}
      <TextAreaInput label={props.label} value={body} onChange={setBody} isRequired={props.required !== false} rows={4} />
      <div className="form-actions">
        <PendingButton type="submit" className="button button--primary" pending={pending}>
          {props.submit}
        </PendingButton>
      </div>
    </Form>
  );
}
