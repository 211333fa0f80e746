import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { RuleItem, RuleState } from './use-password-rules.ts';

const icons: Record<RuleState, string> = { todo: '•', ok: '✓', failed: '✗', pending: '…', later: '○' };

// Each rule says its state in words (not by colour alone); the summary is read politely once typing pauses.
export function PasswordRules({ id, items, settled, tooLong }: { id: string; items: RuleItem[]; settled: boolean; tooLong: boolean }) {
  const { t } = useI18n();
  const text = t.passwordRules;
  const [summary, setSummary] = useState('');
  const failedCount = items.filter((item) => item.state === 'failed').length;
  const known = items.filter((item) => item.state === 'ok' || item.state === 'failed').length;
  const empty = items.every((item) => item.state === 'todo');

  useEffect(() => {
    if (settled) setSummary(empty ? '' : text.summary(failedCount, known));
  }, [settled, empty, failedCount, known, text]);

  return (
    <div className="password-rules" id={id}>
      <p className="password-rules__title">{text.title}</p>
      <ul className="password-rules__list">
        {items.map((item) => (
          <li key={item.rule} className={`password-rule password-rule--${item.state}`} data-rule={item.rule} data-state={item.state}>
            <span className="password-rule__icon" aria-hidden="true">
              {icons[item.state]}
            </span>
            <span className="password-rule__text">
              <span className="password-rule__status">{text.states[item.state]}</span>
              <span>{text.rules[item.rule]}</span>
            </span>
          </li>
        ))}
      </ul>
      {tooLong ? <p className="password-rules__warning">{text.rules.too_long}</p> : null}
      <p className="password-rules__summary" aria-live="polite">
        {summary}
      </p>
    </div>
  );
}
