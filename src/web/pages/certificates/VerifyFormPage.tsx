import { type FormEvent, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { normaliseCode } from '../../../server/modules/certificates/verification-code.ts';
import { Page } from '../../components/Page.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../router/history.ts';
import '../../theme/certificates.css';
import '../../theme/forms.css';
import { staffPaths } from '../staff-paths.ts';
import { VerificationScope } from './VerificationScope.tsx';

// The code read off a paper certificate, typed as it comes (spaces, dashes, small letters): checked for its
// form here, so that a typo never spends one of the address's look-ups.
export function VerifyFormPage() {
  const { papers } = useI18n();
  const text = papers.certificates.verify;
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = normaliseCode(typed);
    if (!code) {
      setError(typed.trim() ? text.codeInvalid : text.codeMissing);
      window.requestAnimationFrame(() => input.current?.focus());
      return;
    }
    navigate(staffPaths.verifyCertificate(code));
  }

  return (
    <Page title={text.formTitle} lead={text.formLead}>
      <div className="auth-layout">
        <Form onSubmit={submit} validationBehavior="aria" className="form-card">
          <TextInput
            label={text.code}
            description={text.codeHint}
            value={typed}
            onChange={(value) => {
              setTyped(value);
              setError(undefined);
            }}
            error={error}
            isRequired
            autoComplete="off"
            inputRef={input}
            inputProps={{ autoCapitalize: 'characters', spellCheck: false }}
            className="verification-code-field"
          />
          <div className="form-actions">
            <Button type="submit" className="button button--primary">
              {text.submit}
            </Button>
          </div>
        </Form>
        <VerificationScope />
      </div>
    </Page>
  );
}
