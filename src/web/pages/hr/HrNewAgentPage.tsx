import { useState } from 'react';
import type { z } from 'zod';
import type { CreatedAgentResponse, HrReferenceResponse } from '../../../server/modules/accounts/accounts.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { StaffLayout } from '../StaffLayout.tsx';
import { createBody, emptyAgentValues, parisToday } from './agent-form-values.ts';
import { AgentForm } from './AgentForm.tsx';
import { CreatedAgentPanel } from './CreatedAgentPanel.tsx';

type Reference = z.infer<typeof HrReferenceResponse>;
type Created = z.infer<typeof CreatedAgentResponse>;

export function HrNewAgentPage() {
  const { admin } = useI18n();
  const text = admin.hr.create;
  const { resource } = useApi<Reference>('/api/hr/reference');
  const [created, setCreated] = useState<Created>();
  // A new form after "create another one": a fresh key empties every field.
  const [formKey, setFormKey] = useState(0);

  if (created) {
    return (
      <StaffLayout area="hr" title={text.createdTitle}>
        <CreatedAgentPanel
          created={created}
          onCreateAnother={() => {
            setCreated(undefined);
            setFormKey((key) => key + 1);
          }}
        />
      </StaffLayout>
    );
  }

  return (
    <StaffLayout area="hr" title={text.title} lead={text.lead}>
      {resource.status === 'ready' ? (
        <NewAgentForm key={formKey} reference={resource.data} onCreated={setCreated} />
      ) : resource.status === 'failed' ? (
        <LoadFailure error={resource.error} />
      ) : (
        <StatusMessage status="loading" />
      )}
    </StaffLayout>
  );
}

function NewAgentForm({ reference, onCreated }: { reference: Reference; onCreated(created: Created): void }) {
  const { admin } = useI18n();
  const manageable = reference.departments.filter((d) => d.manageable);
  // An HR officer of one department has nothing to choose.
  const initial = emptyAgentValues(manageable.length === 1 ? manageable[0]!.code : '', parisToday());
  return (
    <AgentForm
      mode="create"
      reference={reference}
      initial={initial}
      submitLabel={admin.hr.create.submit}
      onSubmit={async (values, reason) => {
        onCreated(await api.post<Created>('/api/hr/agents', createBody(values, reason)));
      }}
    />
  );
}
