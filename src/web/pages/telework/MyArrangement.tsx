import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { MyTelework } from '../../../server/modules/telework/telework.schema.ts';
import { api } from '../../api/api-client.ts';
import { Fact, Facts } from '../../components/Facts.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { Announce } from './TeleworkPage.tsx';
import { WORKWEEK } from './telework-format.ts';

// What is in force today: the days, the quota left, the adaptation period, the next review, the notice.
export function MyArrangement({ telework, announce }: { telework: MyTelework; announce: Announce }) {
  const { requests, locale } = useI18n();
  const text = requests.telework;
  const [ending, setEnding] = useState(false);
  const arrangement = telework.arrangement;
  const date = (value: string) => formatDate(value, locale);

  if (!arrangement) {
    return (
      <section aria-labelledby="telework-current" className="staff-section">
        <h2 id="telework-current">{text.current.title}</h2>
        <p>{text.current.none}</p>
      </section>
    );
  }
  const state = arrangement.endsOn ? text.current.ending : arrangement.startsOn > telework.today ? text.current.upcoming : text.current.running;
  const fixed = WORKWEEK.filter((day) => arrangement.fixedDays.includes(day)).map((day) => text.weekdays[day]);

  return (
    <section aria-labelledby="telework-current" className="staff-section">
      <h2 id="telework-current">{text.current.title}</h2>
      <Facts>
        <Fact label={text.current.state}>{state}</Fact>
        <Fact label={text.current.fixedDays}>{fixed.length > 0 ? text.list(fixed) : text.current.noFixedDays}</Fact>
        <Fact label={text.current.floating}>{arrangement.floating ? text.quota(arrangement.floating.days, text.periods[arrangement.floating.per]) : text.current.noFloating}</Fact>
        {arrangement.floating && arrangement.floatingLeft !== null ? (
          <Fact label={text.current.floatingLeft}>{text.current.floatingLeftValue(arrangement.floatingLeft, text.thisPeriod[arrangement.floating.per])}</Fact>
        ) : null}
        <Fact label={text.current.startsOn}>{date(arrangement.startsOn)}</Fact>
        <Fact label={text.current.adaptationEndsOn}>{arrangement.adaptationEndsOn ? date(arrangement.adaptationEndsOn) : text.current.noAdaptation}</Fact>
        {arrangement.nextReviewOn ? <Fact label={text.current.nextReview}>{date(arrangement.nextReviewOn)}</Fact> : null}
        {arrangement.endsOn ? <Fact label={text.current.endsOn}>{date(arrangement.endsOn)}</Fact> : null}
        {arrangement.noticeGivenOn ? <Fact label={text.current.noticeGivenOn}>{date(arrangement.noticeGivenOn)}</Fact> : null}
        {arrangement.endingReason ? (
          <Fact label={text.current.endingReason} wide>
            <span lang="fr">{arrangement.endingReason}</span>
          </Fact>
        ) : null}
      </Facts>
      {arrangement.endedBy ? <p>{text.current.endedBy[arrangement.endedBy]}</p> : null}
      {arrangement.endsOn ? null : (
        <div className="form-actions">
          <Button className="button button--danger-outline" onPress={() => setEnding(true)}>
            {text.ending.button}
          </Button>
        </div>
      )}
      {ending ? (
        <FormDialog
          title={text.ending.title}
          confirmLabel={text.ending.confirm}
          tone="danger"
          reason={{ minLength: 0, optional: true, label: text.ending.comment, description: text.ending.noticeRule }}
          onClose={() => setEnding(false)}
          onSubmit={async (comment) => {
            const ended = await api.post<{ endsOn: string }>('/api/me/telework/ending', comment ? { comment } : {});
            setEnding(false);
            await announce(text.ending.done(date(ended.endsOn)));
          }}
        >
          <p className="dialog__body">
            <strong>{text.ending.notice(date(arrangement.endsOnIfNoticeToday))}</strong>
          </p>
        </FormDialog>
      ) : null}
    </section>
  );
}
