import type { ServiceKind } from '../../../server/modules/announcements/announcements.schema.ts';
import { useAnnouncementsText } from '../../components/AnnouncementsText.tsx';

// An application's name is the city's own record, in French whatever the page's language.
export function StatusServiceName({ kind, name }: { kind: ServiceKind; name: string | null }) {
  const text = useAnnouncementsText().status;
  if (kind === 'application') return <span lang="fr">{name}</span>;
  return <>{text.services[kind]}</>;
}

