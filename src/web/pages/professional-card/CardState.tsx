import type { ProfessionalCardView } from '../../../server/modules/professional-card/professional-card.schema.ts';
import { Fact, Facts } from '../../components/Facts.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';

// The card in use: its number, whether it opens doors, and since when.
export function CardState({ card, forAgent }: { card: ProfessionalCardView['card']; /** The agent reads what it means for them. */ forAgent?: boolean }) {
  const { papers, locale } = useI18n();
  const text = papers.card;
  const tag = card.status === 'active' ? 'status-tag--active' : 'status-tag--suspended';
  return (
    <>
      <Facts>
        <Fact label={text.number}>{card.number}</Fact>
        <Fact label={text.status}>
          <span className={`status-tag ${tag}`}>{text.statuses[card.status]}</span>
        </Fact>
        <Fact label={text.issuedAt}>{formatDateTime(card.issuedAt, locale)}</Fact>
        {card.blockedAt ? <Fact label={text.blockedAt}>{formatDateTime(card.blockedAt, locale)}</Fact> : null}
      </Facts>
      {forAgent ? <p>{card.status === 'blocked' ? text.blockedText : text.activeText}</p> : null}
    </>
  );
}
