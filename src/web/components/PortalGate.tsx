import type { ReactNode } from 'react';
import { usePortalResource } from '../api/PortalProvider.tsx';
import { StatusMessage } from './StatusMessage.tsx';

// Every page speaks of the city by name, so pages wait for it rather than show a placeholder.
export function PortalGate({ children }: { children: ReactNode }) {
  const portal = usePortalResource();
  if (portal.status !== 'ready') return <StatusMessage status={portal.status} />;
  return children;
}
