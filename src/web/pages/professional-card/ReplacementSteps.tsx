import type { CardReplacement } from '../../../server/modules/professional-card/professional-card.schema.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';

// A replacement's stages in order, each dated once reached; the current one is marked for screen readers
// (aria-current="step") and in words, not by colour alone.
export function ReplacementSteps({ replacement, forAgent }: { replacement: CardReplacement; /** The agent reads what to do next. */ forAgent?: boolean }) {
  const { papers, locale } = useI18n();
  const text = papers.card;
  const declaredAt = replacement.stages[0]?.at;
  return (
    <div className="card-replacement">
      {declaredAt ? <p className="card-replacement__summary">{text.replacementOf(text.kindsShort[replacement.kind], formatDate(declaredAt, locale))}</p> : null}
      <ol className="card-steps">
        {replacement.stages.map(({ stage, at }, index) => {
          const current = stage === replacement.stage;
          const state = current ? 'current' : at ? 'done' : 'upcoming';
          const hint = current && forAgent ? text.stageHints[stage] : '';
          return (
            <li key={stage} className={`card-steps__item card-steps__item--${state}`} aria-current={current ? 'step' : undefined}>
              <span className="card-steps__marker" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className="card-steps__name">{text.stages[stage]}</span>
              <span className="card-steps__when">
                {at ? text.stageDone(formatDateTime(at, locale)) : text.stageUpcoming}
                {current ? <span className="card-steps__current"> · {text.stageCurrent}</span> : null}
              </span>
              {hint ? <span className="card-steps__hint">{hint}</span> : null}
            </li>
          );
        })}
      </ol>
      {replacement.newCardNumber ? <p>{text.newCard(replacement.newCardNumber)}</p> : null}
    </div>
  );
}
