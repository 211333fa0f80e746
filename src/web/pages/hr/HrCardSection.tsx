import { useState } from 'react';
import type { z } from 'zod';
import type { AgentDetail } from '../../../server/modules/accounts/accounts.schema.ts';
import type { ProfessionalCardView } from '../../../server/modules/professional-card/professional-card.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import '../../theme/card.css';
import { AdvanceButton, AdvanceDialog, type Advancing } from '../professional-card/AdvanceReplacement.tsx';
import { CardState } from '../professional-card/CardState.tsx';
import { ReplacementSteps } from '../professional-card/ReplacementSteps.tsx';

type Agent = z.infer<typeof AgentDetail>;

// The agent's card and its latest replacement, which HR moves forward from here as from the list of cards.
export function HrCardSection({ agent, onDone }: { agent: Agent; /** Says what was done, in the page's message area. */ onDone(message: string): void }) {
  const { papers } = useI18n();
  const text = papers.card;
  const { resource, reload } = useApi<ProfessionalCardView>(`/api/hr/agents/${encodeURIComponent(agent.id)}/professional-card`);
  const [advancing, setAdvancing] = useState<Advancing>();
  const latest = resource.status === 'ready' ? resource.data.replacements[0] : undefined;

  return (
    <section aria-labelledby="card-title" className="staff-section">
      <div className="section-heading">
        <h2 id="card-title">{text.hr.sectionTitle}</h2>
        {latest ? <AdvanceButton replacementId={latest.id} stage={latest.stage} name={`${agent.firstName} ${agent.lastName}`} onPress={setAdvancing} /> : null}
      </div>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' ? (
        <>
          <CardState card={resource.data.card} />
          {latest ? <ReplacementSteps replacement={latest} /> : <p>{text.hr.noReplacement}</p>}
        </>
      ) : null}
      {advancing ? (
        <AdvanceDialog
          advancing={advancing}
          onClose={() => setAdvancing(undefined)}
          onAdvanced={async (message) => {
            setAdvancing(undefined);
            await reload();
            onDone(message);
          }}
        />
      ) : null}
    </section>
  );
}
