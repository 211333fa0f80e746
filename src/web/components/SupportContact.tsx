import { usePortalResource } from '../api/PortalProvider.tsx';
import { useAnnouncementsText } from './AnnouncementsText.tsx';

// IT support's hotline and hours, as configured (SUPPORT_PHONE, SUPPORT_HOURS): for every place that offers help.
export function SupportContact({ className }: { className?: string }) {
  const text = useAnnouncementsText();
  const portal = usePortalResource();
  if (portal.status !== 'ready') return null;
  const { phone, hours } = portal.data.support;
  return (
    <p className={['support-contact', className].filter(Boolean).join(' ')}>
      {text.support.label} : <a href={`tel:${phone.replace(/\s/g, '')}`}>{phone}</a>
      <span lang="fr">{text.support.text(hours)}</span>
    </p>
  );
}
