import { useRef, useState } from 'react';
import { Link } from 'react-aria-components';
import type { z } from 'zod';
import type { OpenReplacementList } from '../../../server/modules/professional-card/professional-card.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import '../../theme/card.css';
import { AdvanceButton, AdvanceDialog, type Advancing } from '../professional-card/AdvanceReplacement.tsx';
import { StaffLayout } from '../StaffLayout.tsx';
import { staffPaths } from '../staff-paths.ts';

type Replacement = z.infer<typeof OpenReplacementList>['items'][number];

// The card replacements under way in the perimeter, oldest first: HR moves each to its next stage.
export function HrCardReplacementsPage() {
  const { papers, locale } = useI18n();
  const text = papers.card.hr;
  const { resource, reload } = useApi<z.infer<typeof OpenReplacementList>>('/api/hr/professional-card/replacements');
  const [message, setMessage] = useState<string>();
  const [advancing, setAdvancing] = useState<Advancing>();
  const messageRef = useRef<HTMLDivElement>(null);

  async function advanced(next: string) {
    setAdvancing(undefined);
    await reload();
    setMessage(next);
    // The row may have left the list (handed over): the outcome takes the focus.
    window.requestAnimationFrame(() => messageRef.current?.focus());
  }

  return (
    <StaffLayout area="hr" title={text.title} lead={text.lead}>
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {message ? (
          <Alert tone="success">
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' ? (
        <section aria-labelledby="replacements-title">
          <h2 id="replacements-title" className="visually-hidden">
            {text.caption}
          </h2>
          <p className="results-count">{text.count(resource.data.items.length)}</p>
          {resource.data.items.length === 0 ? (
            <Alert tone="info">
              <p>{text.empty}</p>
            </Alert>
          ) : (
            <ResponsiveTable<Replacement>
              caption={text.caption}
              rows={resource.data.items}
              rowKey={(row) => row.id}
              title={{ key: 'agent', header: text.columns.agent, cell: (row) => <Link href={staffPaths.hrAgent(row.agentId)}>{row.name}</Link> }}
              columns={[
                { key: 'badge', header: text.columns.badge, cell: (row) => row.badgeNumber, nowrap: true },
                { key: 'kind', header: text.columns.kind, cell: (row) => papers.card.kindsShort[row.kind] },
                { key: 'declared', header: text.columns.declaredAt, cell: (row) => formatDate(row.declaredAt, locale) },
                { key: 'stage', header: text.columns.stage, cell: (row) => <span className="status-tag">{papers.card.stages[row.stage]}</span> },
              ]}
              actions={{
                header: text.columns.actions,
                cell: (row) => <AdvanceButton replacementId={row.id} stage={row.stage} name={row.name} onPress={setAdvancing} />,
              }}
            />
          )}
        </section>
      ) : null}
      {advancing ? <AdvanceDialog advancing={advancing} onClose={() => setAdvancing(undefined)} onAdvanced={advanced} /> : null}
    </StaffLayout>
  );
}
