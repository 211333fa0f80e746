import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { z } from 'zod';
import type { AgentDetail } from '../../../server/modules/accounts/accounts.schema.ts';
import type { PayslipDetail, PayslipList } from '../../../server/modules/payslips/payslips.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { monthName } from '../payslips/payslip-format.ts';
import { PayslipPdfButton } from '../payslips/PayslipPdfButton.tsx';
import { PayslipTable } from '../payslips/PayslipTable.tsx';
import { PayslipView } from '../payslips/PayslipView.tsx';
import { PayslipYearSelect } from '../payslips/PayslipYearSelect.tsx';
import { queryString } from '../staff-query.ts';

type Agent = z.infer<typeof AgentDetail>;

// An agent's payslips, for HR of their perimeter. Reading them is recorded on the audit trail, so nothing
// is fetched until the officer asks: opening the agent's record is not reading their pay.
export function HrPayslipsSection({ agent }: { agent: Agent }) {
  const { papers } = useI18n();
  const text = papers.payslips.hr;
  const [shown, setShown] = useState(false);
  return (
    <section aria-labelledby="payslips-title" className="staff-section">
      <h2 id="payslips-title">{text.title}</h2>
      <p className="muted">{text.recorded}</p>
      {shown ? (
        <AgentPayslips agentId={agent.id} />
      ) : (
        <Button className="button button--secondary button--small" onPress={() => setShown(true)}>
          {text.show}
        </Button>
      )}
    </section>
  );
}

function AgentPayslips({ agentId }: { agentId: string }) {
  const { papers, locale } = useI18n();
  const text = papers.payslips.hr;
  const [year, setYear] = useState<number>();
  const [opened, setOpened] = useState<string>();
  const base = `/api/hr/agents/${encodeURIComponent(agentId)}/payslips`;
  const { resource } = useApi<PayslipList>(`${base}${queryString({ year })}`);
  const viewButtons = useRef(new Map<string, HTMLButtonElement>());

  if (resource.status === 'failed') return <LoadFailure error={resource.error} />;
  if (resource.status === 'loading') return <StatusMessage status="loading" />;
  const list = resource.data;

  function close(month: string) {
    setOpened(undefined);
    window.requestAnimationFrame(() => viewButtons.current.get(month)?.focus());
  }

  return (
    <>
      <PayslipYearSelect
        years={list.years}
        value={list.year}
        onChange={(next) => {
          setOpened(undefined);
          setYear(next);
        }}
      />
      {list.payslips.length === 0 ? (
        <p role="status">{text.noPayslip(list.year)}</p>
      ) : (
        <PayslipTable
          list={list}
          caption={text.listCaption(list.year)}
          month={(_p, label) => label}
          actions={(p) => (
            <>
              <Button
                ref={(button) => {
                  if (button) viewButtons.current.set(p.month, button);
                }}
                className="button button--secondary button--small"
                aria-expanded={opened === p.month}
                aria-controls={opened === p.month ? 'hr-payslip' : undefined}
                aria-label={text.viewOf(monthName(p.month, locale))}
                onPress={() => setOpened(opened === p.month ? undefined : p.month)}
              >
                {text.view}
              </Button>
              <PayslipPdfButton url={`${base}/${p.month}.pdf`} month={p.month} compact />
            </>
          )}
        />
      )}
      {opened ? <OpenedPayslip key={opened} url={`${base}/${opened}`} month={opened} onClose={() => close(opened)} /> : null}
    </>
  );
}

function OpenedPayslip({ url, month, onClose }: { url: string; month: string; onClose(): void }) {
  const { papers, locale } = useI18n();
  const text = papers.payslips;
  const { resource } = useApi<PayslipDetail>(url);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div id="hr-payslip" className="hr-payslip">
      <div className="section-heading">
        <h3 ref={heading} tabIndex={-1}>
          {text.payslipTitle(monthName(month, locale))}
        </h3>
        <Button className="button button--secondary button--small" onPress={onClose}>
          {text.hr.close}
        </Button>
      </div>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' ? <PayslipView payslip={resource.data} level={4} /> : null}
    </div>
  );
}
