import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useI18n } from '../i18n/I18nProvider.tsx';

// A password or code the server gives once: large, monospaced, one character apart from the next (0/O, 1/l),
// with a copy button for the agent who pastes it into a message to the manager.
export function OneTimeSecret({ label, value }: { label: string; value: string }) {
  const { admin } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="one-time-secret">
      <span className="one-time-secret__label">{label}</span>
      <code className="one-time-secret__value">{value}</code>
      <Button
        className="button button--secondary button--small"
        aria-label={admin.common.copyNamed(label)}
        onPress={() => {
          void navigator.clipboard?.writeText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {admin.common.copy}
      </Button>
      <span role="status" className="one-time-secret__status">
        {copied ? admin.common.copied : ''}
      </span>
    </div>
  );
}
