import { useI18n } from '../i18n/I18nProvider.tsx';

// Loading and failure are announced politely: neither needs to interrupt what the reader is doing.
export function StatusMessage({ status }: { status: 'loading' | 'failed' }) {
  const { t } = useI18n();
  return (
    <p role="status" className={`status-message status-message--${status}`}>
      {status === 'loading' ? t.status.loading : t.status.failed}
    </p>
  );
}
