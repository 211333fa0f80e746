import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import type { Certificate, CertificateKind } from '../../../server/modules/certificates/certificates.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import type { FieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import '../../theme/certificates.css';
import { MyPapersLayout } from '../my-papers/MyPapersLayout.tsx';
import { downloadCertificate } from './certificate-download.ts';
import { CertificateRequestFields, issueBody, newRequest, refusedFields, requestErrors } from './CertificateRequestFields.tsx';
import { CertificateTable } from './CertificateTable.tsx';

const agentKinds: readonly CertificateKind[] = ['employment', 'salary'];

export function MyCertificatesPage() {
  const { papers } = useI18n();
  const text = papers.certificates;
  const { resource, reload } = useApi<{ items: Certificate[] }>('/api/me/certificates');
  const [issued, setIssued] = useState<Certificate>();
  const issuedRef = useRef<HTMLDivElement>(null);

  return (
    <MyPapersLayout title={text.title} lead={text.lead}>
      <div ref={issuedRef} tabIndex={-1} className="focus-target">
        {issued ? <IssuedCertificate certificate={issued} /> : null}
      </div>
      <RequestForm
        onIssued={async (certificate) => {
          await reload();
          setIssued(certificate);
          // The button pressed is still there, but what matters now is the new certificate.
          window.requestAnimationFrame(() => issuedRef.current?.focus());
        }}
      />
      <section aria-labelledby="issued-title" className="staff-section">
        <h2 id="issued-title">{text.list.title}</h2>
        {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
        {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
        {resource.status === 'ready' && resource.data.items.length === 0 ? <p>{text.list.empty}</p> : null}
        {resource.status === 'ready' && resource.data.items.length > 0 ? <CertificateTable certificates={resource.data.items} caption={text.list.caption} /> : null}
      </section>
    </MyPapersLayout>
  );
}

function IssuedCertificate({ certificate }: { certificate: Certificate }) {
  const { papers } = useI18n();
  const text = papers.certificates;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <div className="issued-certificate">
      <Alert tone="success" title={text.request.done(text.kinds[certificate.kind], certificate.reference)}>
        <p>{text.request.doneHint}</p>
        <div className="form-actions">
          <PendingButton
            className="button button--primary"
            pending={pending}
            onPress={async () => {
              setPending(true);
              setError(undefined);
              await downloadCertificate(certificate).catch(setError);
              setPending(false);
            }}
            aria-label={text.list.downloadNamed(certificate.reference)}
          >
            {text.list.download}
          </PendingButton>
        </div>
      </Alert>
      {error ? <ProblemAlert error={error} /> : null}
    </div>
  );
}

function RequestForm({ onIssued }: { onIssued(certificate: Certificate): Promise<void> }) {
  const { papers, t, locale } = useI18n();
  const text = papers.certificates;
  const [request, setRequest] = useState(() => newRequest('employment'));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const formRef = useRef<HTMLFormElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  function showFieldErrors(next: FieldErrors): boolean {
    setErrors(next);
    const invalid = Object.values(next).some(Boolean);
    if (invalid) window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return invalid;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    if (showFieldErrors(requestErrors(request, text.request.errors))) return;
    setPending(true);
    try {
      const certificate = await api.post<Certificate>('/api/me/certificates', issueBody(request));
      await onIssued(certificate);
    } catch (caught) {
      setError(caught);
      if (!showFieldErrors(refusedFields(caught, locale, t, text.request.errors))) window.requestAnimationFrame(() => errorRef.current?.focus());
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="request-title" className="staff-section">
      <h2 id="request-title">{text.request.title}</h2>
      <Form ref={formRef} onSubmit={submit} validationBehavior="aria" className="form-card">
        <CertificateRequestFields
          kinds={agentKinds}
          request={request}
          onChange={(next) => {
            setRequest(next);
            setErrors({});
          }}
          errors={errors}
        />
        <div ref={errorRef} tabIndex={-1} className="focus-target">
          {error ? <ProblemAlert error={error} /> : null}
        </div>
        <div className="form-actions">
          <PendingButton type="submit" className="button button--primary" pending={pending}>
            {text.request.submit}
          </PendingButton>
        </div>
      </Form>
    </section>
  );
}
