import { Checkbox, Link } from 'react-aria-components';
import type { z } from 'zod';
import type { InboxItem } from '../../../server/modules/requests/requests.schema.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { staffPaths } from '../staff-paths.ts';
import { DeadlineCountdown } from './RequestTags.tsx';

type Item = z.infer<typeof InboxItem>;

export const agentName = (item: Item) => `${item.agent.firstName} ${item.agent.lastName}`;

// One request awaiting the reader, as a card at every width: read and decided with a thumb on a phone.
export function InboxCard({ item, selected, onSelect }: { item: Item; selected: boolean; onSelect(selected: boolean): void }) {
  const { requests, locale } = useI18n();
  const text = requests.common.inbox;
  const name = agentName(item);
  return (
    <li className={`item-card inbox-card${selected ? ' inbox-card--selected' : ''}`}>
      <div className="item-card__main">
        <h2 className="item-card__title">
          {name} · <span lang="fr">{item.kindLabel}</span>
        </h2>
        <p className="inbox-card__summary" lang="fr">
          {item.summary}
        </p>
        {item.step === 'hr' || item.onBehalfOf ? (
          <p className="tag-row">
            {item.step === 'hr' ? <span className="status-tag">{text.hrStep}</span> : null}
            {item.onBehalfOf ? <span className="status-tag status-tag--pending">{text.onBehalfOf(item.onBehalfOf)}</span> : null}
          </p>
        ) : null}
        {item.answerDueOn && item.daysLeft !== null ? (
          <p className="inbox-card__deadline">
            <DeadlineCountdown daysLeft={item.daysLeft} dueOn={item.answerDueOn} />
          </p>
        ) : null}
        <dl className="item-card__facts">
          <div>
            <dt>{text.badge}</dt>
            <dd>{item.agent.badgeNumber}</dd>
          </div>
          <div>
            <dt>{text.submitted}</dt>
            <dd>{formatDate(item.submittedAt, locale)}</dd>
          </div>
        </dl>
      </div>
      <div className="inbox-card__actions">
        {item.bulkApprovable ? (
          <Checkbox className="checkbox inbox-card__select" isSelected={selected} onChange={onSelect} aria-label={text.selectNamed(name, item.kindLabel, item.summary)}>
            <span className="checkbox__box" aria-hidden="true" />
            {text.select}
          </Checkbox>
        ) : (
          <p className="inbox-card__one-by-one">{text.oneByOne}</p>
        )}
        <Link href={staffPaths.request(item.id)} className="button button--primary" aria-label={text.examineNamed(name, item.kindLabel)}>
          {text.examine}
        </Link>
      </div>
    </li>
  );
}
