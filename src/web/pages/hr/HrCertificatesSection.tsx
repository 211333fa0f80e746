import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { z } from 'zod';
import type { AgentDetail } from '../../../server/modules/accounts/accounts.schema.ts';
import type { Certificate, CertificateKind } from '../../../server/modules/certificates/certificates.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import type { FieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import '../../theme/certificates.css';
import { CertificateRequestFields, issueBody, newRequest, refusedFields, requestErrors } from '../certificates/CertificateRequestFields.tsx';
import { CertificateTable } from '../certificates/CertificateTable.tsx';

type Agent = z.infer<typeof AgentDetail>;

// The server asks at least 5 characters for a revocation (certificates.schema.ts).
const revocationReason = { minLength: 5 };

// The agent's certificates as HR sees them: issue one (the certificate at departure for an agent who has
// left), download any, revoke one that should no longer be relied upon.
export function HrCertificatesSection({ agent, onDone }: { agent: Agent; /** Says what was done, in the page's message area. */ onDone(message: string): void }) {
  const { papers } = useI18n();
  const text = papers.certificates;
  const url = `/api/hr/agents/${encodeURIComponent(agent.id)}/certificates`;
  const { resource, reload } = useApi<{ items: Certificate[] }>(url);
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<Certificate>();
  const issueButton = useRef<HTMLButtonElement>(null);
  const name = `${agent.firstName} ${agent.lastName}`;

  return (
    <section aria-labelledby="certificates-title" className="staff-section">
      <div className="section-heading">
        <h2 id="certificates-title">{text.hr.title}</h2>
        <Button ref={issueButton} className="button button--secondary button--small" onPress={() => setIssuing(true)}>
          {text.hr.issue}
        </Button>
      </div>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' && resource.data.items.length === 0 ? <p>{text.list.empty}</p> : null}
      {resource.status === 'ready' && resource.data.items.length > 0 ? (
        <CertificateTable certificates={resource.data.items} caption={text.hr.title} onRevoke={setRevoking} />
      ) : null}

      {issuing ? (
        <IssueDialog
          agent={agent}
          url={url}
          onClose={() => {
            setIssuing(false);
            window.requestAnimationFrame(() => issueButton.current?.focus());
          }}
          onIssued={async (certificate) => {
            setIssuing(false);
            await reload();
            onDone(text.hr.issued(text.kinds[certificate.kind], certificate.reference, name));
          }}
        />
      ) : null}
      {revoking ? (
        <FormDialog
          title={text.hr.revokeTitle(revoking.reference)}
          confirmLabel={text.hr.revokeConfirm}
          tone="danger"
          reason={{ ...revocationReason, label: text.hr.revokeReason }}
          onClose={() => setRevoking(undefined)}
          onSubmit={async (reason) => {
            await api.post(`/api/hr/certificates/${encodeURIComponent(revoking.id)}/revoke`, { reason });
            setRevoking(undefined);
            await reload();
            onDone(text.hr.revoked(revoking.reference));
          }}
        >
          <p>{text.hr.revokeText}</p>
        </FormDialog>
      ) : null}
    </section>
  );
}

function IssueDialog({ agent, url, onClose, onIssued }: { agent: Agent; url: string; onClose(): void; onIssued(certificate: Certificate): Promise<void> }) {
  const { papers, t, locale } = useI18n();
  const text = papers.certificates;
  const departed = agent.status === 'departed';
  const kinds: readonly CertificateKind[] = departed ? ['departure'] : ['employment', 'salary'];
  const [request, setRequest] = useState(() => newRequest(kinds[0]!));
  const [errors, setErrors] = useState<FieldErrors>({});

  return (
    <FormDialog
      title={text.hr.issueTitle(`${agent.firstName} ${agent.lastName}`)}
      confirmLabel={text.hr.issueConfirm}
      reason={false}
      onClose={onClose}
      validate={() => {
        const next = requestErrors(request, text.request.errors);
        setErrors(next);
        return !Object.values(next).some(Boolean);
      }}
      onSubmit={async () => {
        try {
          await onIssued(await api.post<Certificate>(url, issueBody(request)));
        } catch (error) {
          setErrors(refusedFields(error, locale, t, text.request.errors));
          throw error;
        }
      }}
    >
      <p>{departed ? text.hr.departedText : text.hr.issueText}</p>
      <CertificateRequestFields
        kinds={kinds}
        request={request}
        onChange={(next) => {
          setRequest(next);
          setErrors({});
        }}
        errors={errors}
      />
    </FormDialog>
  );
}
