import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { TeamTelework } from '../../../server/modules/telework/telework.schema.ts';
import { api } from '../../api/api-client.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { Announce } from './TeleworkPage.tsx';
import { rhythm } from './telework-format.ts';

type Active = TeamTelework['active'][number];

const nameOf = (row: Active) => `${row.agent.firstName} ${row.agent.lastName}`;

// Who in my team teleworks, on which days, until when; the manager may end it, motivated, with notice.
export function TeamArrangements({ team, announce }: { team: TeamTelework; announce: Announce }) {
  const { requests, locale } = useI18n();
  const text = requests.telework;
  const [ending, setEnding] = useState<Active>();
  const date = (value: string) => formatDate(value, locale);

  return (
    <>
      <h3>{text.team.activeTitle}</h3>
      {team.active.length === 0 ? <p>{text.team.activeNone}</p> : null}
      {team.active.length > 0 ? (
        <ResponsiveTable
          caption={text.team.activeCaption}
          rows={team.active}
          rowKey={(row) => row.requestId}
          title={{ key: 'agent', header: text.team.agent, cell: nameOf }}
          columns={[
            { key: 'rhythm', header: text.team.rhythm, cell: (row) => rhythm(row.fixedDays, row.floating, text) },
            { key: 'start', header: text.current.startsOn, cell: (row) => date(row.startsOn), nowrap: true },
            { key: 'adaptation', header: text.current.adaptationEndsOn, cell: (row) => (row.adaptationEndsOn ? date(row.adaptationEndsOn) : text.current.noAdaptation) },
            { key: 'review', header: text.current.nextReview, cell: (row) => (row.nextReviewOn ? date(row.nextReviewOn) : '') },
            { key: 'end', header: text.current.endsOn, cell: (row) => (row.endsOn ? date(row.endsOn) : '') },
          ]}
          actions={{
            header: text.team.end,
            cell: (row) =>
              row.endsOn ? null : (
                <Button className="button button--danger-outline button--small" aria-label={text.team.endNamed(nameOf(row))} onPress={() => setEnding(row)}>
                  {text.team.end}
                </Button>
              ),
          }}
        />
      ) : null}
      {ending ? (
        <FormDialog
          title={text.team.endTitle(nameOf(ending))}
          confirmLabel={text.team.endConfirm}
          tone="danger"
          reason={{ minLength: 5, label: text.team.endReason, description: text.team.endReasonHint }}
          onClose={() => setEnding(undefined)}
          onSubmit={async (reason) => {
            const ended = await api.post<{ endsOn: string }>(`/api/telework/arrangements/${ending.requestId}/ending`, { reason });
            setEnding(undefined);
            await announce(text.team.ended(nameOf(ending), date(ended.endsOn)));
          }}
        >
          <p>
            <strong>{text.team.endNotice(date(ending.endsOnIfNoticeToday))}</strong>
          </p>
        </FormDialog>
      ) : null}
    </>
  );
}
