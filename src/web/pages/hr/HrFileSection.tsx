import { type FormEvent, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { z } from 'zod';
import type { AgentDetail } from '../../../server/modules/accounts/accounts.schema.ts';
import type { PersonalFileResponse } from '../../../server/modules/personal-file/personal-file.schema.ts';
import { api } from '../../api/api-client.ts';
import { Alert } from '../../components/Alert.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import { TextInput } from '../../components/TextInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import '../../theme/personal-file.css';
import { PersonalFileView } from '../my-file/PersonalFileView.tsx';

type Opened = { file: PersonalFileResponse; purpose: string };

// The file opens only with a purpose: the server records the consultation, and the agent sees who and why.
export function HrFileSection({ agent }: { agent: z.infer<typeof AgentDetail> }) {
  const { t, papers, locale } = useI18n();
  const text = papers.file.hr;
  const [purpose, setPurpose] = useState('');
  const [opened, setOpened] = useState<Opened>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const { errors, check, clear, formRef } = useFieldErrors();
  const openedRef = useRef<HTMLDivElement>(null);
  const purposeInput = useRef<HTMLInputElement>(null);

  async function consult(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    const reason = purpose.trim();
    if (!check({ purpose: reason.length < 5 ? text.purposeTooShort : undefined })) return;
    setPending(true);
    try {
      const file = await api.get<PersonalFileResponse>(`/api/hr/agents/${encodeURIComponent(agent.id)}/file?${new URLSearchParams({ purpose: reason })}`);
      setOpened({ file, purpose: reason });
      setPurpose('');
      window.requestAnimationFrame(() => openedRef.current?.focus());
    } catch (caught) {
      const refused = problemFieldErrors(caught, locale, t)['querystring.purpose'];
      if (refused) check({ purpose: refused });
      else setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="personal-file-title" className="staff-section">
      <h2 id="personal-file-title">{papers.file.hr.title}</h2>
      {opened ? (
        <>
          <div ref={openedRef} tabIndex={-1} className="focus-target">
            <Alert tone="info">
              <p>{text.consulted(opened.purpose)}</p>
            </Alert>
          </div>
          <div className="form-actions">
            <Button
              className="button button--secondary button--small"
              onPress={() => {
                setOpened(undefined);
                window.requestAnimationFrame(() => purposeInput.current?.focus());
              }}
            >
              {text.close}
            </Button>
          </div>
          <PersonalFileView file={opened.file} level={3} />
        </>
      ) : (
        <>
          <p>{text.intro}</p>
          {error ? <ProblemAlert error={error} /> : null}
          <Form ref={formRef} onSubmit={consult} validationBehavior="aria" className="file-consult">
            <TextInput
              label={text.purpose}
              description={
                <>
                  {text.purposeHint} {text.recorded}
                </>
              }
              name="purpose"
              inputRef={purposeInput}
              value={purpose}
              onChange={(value) => {
                setPurpose(value);
                clear('purpose');
              }}
              error={errors.purpose}
              maxLength={200}
              isRequired
            />
            <div className="form-actions">
              <PendingButton type="submit" className="button button--primary" pending={pending}>
                {text.open}
              </PendingButton>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
