import { useRef, useState } from 'react';
import type { MyTelework, TeamTelework } from '../../../server/modules/telework/telework.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { RequestsLayout } from '../requests/RequestsLayout.tsx';
import { AllowanceSection } from './AllowanceSection.tsx';
import { FloatingDays } from './FloatingDays.tsx';
import { MyArrangement } from './MyArrangement.tsx';
import { MyTeleworkRequests } from './MyTeleworkRequests.tsx';
import { TeamTeleworkSection } from './TeamTeleworkSection.tsx';
import { TeleworkRequestForm } from './TeleworkRequestForm.tsx';
import '../../theme/requests.css';
import '../../theme/telework.css';

/** After an action: reload what it changed, then say what happened (the message takes the focus). */
export type Announce = (message: string) => Promise<void>;

// Telework from both sides: the agent's arrangement, floating days, requests and allowance; for a manager,
// the requests of their team to answer (a refusal only after an interview) and the arrangements in force.
export function TeleworkPage() {
  const { requests } = useI18n();
  const text = requests.telework;
  const { resource: mine, reload } = useApi<MyTelework>('/api/me/telework');
  const { resource: team, reload: reloadTeam } = useApi<TeamTelework>('/api/team/telework');
  const [message, setMessage] = useState<string>();
  const messageRef = useRef<HTMLDivElement>(null);

  const show = (next: string) => {
    setMessage(next);
    window.requestAnimationFrame(() => messageRef.current?.focus());
  };
  const afterMine: Announce = async (next) => {
    await reload();
    show(next);
  };
  const afterTeam: Announce = async (next) => {
    await reloadTeam();
    show(next);
  };

  return (
    <RequestsLayout title={text.title} lead={text.lead}>
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {message ? (
          <Alert tone="success" announce>
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>
      {team.status === 'ready' && team.data.managesATeam ? <TeamTeleworkSection team={team.data} announce={afterTeam} /> : null}
      {mine.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {mine.status === 'failed' ? <LoadFailure error={mine.error} /> : null}
      {mine.status === 'ready' ? (
        <>
          <MyArrangement telework={mine.data} announce={afterMine} />
          {mine.data.arrangement?.floating ? <FloatingDays arrangement={mine.data.arrangement} announce={afterMine} /> : null}
          <TeleworkRequestForm telework={mine.data} announce={afterMine} />
          <MyTeleworkRequests telework={mine.data} announce={afterMine} />
          <AllowanceSection announce={show} />
        </>
      ) : null}
    </RequestsLayout>
  );
}
