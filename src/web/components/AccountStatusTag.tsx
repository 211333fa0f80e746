import { useI18n } from '../i18n/I18nProvider.tsx';

export type AccountStatus = 'pending' | 'active' | 'suspended' | 'departed';

// The status in words, with a shape that does not rely on colour alone.
export function AccountStatusTag({ status }: { status: AccountStatus }) {
  const { admin } = useI18n();
  return <span className={`status-tag status-tag--${status}`}>{admin.common.statuses[status]}</span>;
}

export function LockedTag() {
  const { admin } = useI18n();
  return <span className="status-tag status-tag--locked">{admin.common.locked}</span>;
}
