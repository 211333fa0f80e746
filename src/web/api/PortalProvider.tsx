import { createContext, type ReactNode, useContext } from 'react';
import type { PortalInfoResponse } from '../../server/modules/portal/portal.schema.ts';
import { type Resource, useJson } from './use-json.ts';

const PortalContext = createContext<Resource<PortalInfoResponse>>({ status: 'loading' });

// The city's name, logo and version, fetched once for the whole app.
export function PortalProvider({ children }: { children: ReactNode }) {
  const portal = useJson<PortalInfoResponse>('/api/portal');
  return <PortalContext value={portal}>{children}</PortalContext>;
}

export function usePortalResource(): Resource<PortalInfoResponse> {
  return useContext(PortalContext);
}

// For pages, which are only rendered once the portal information has arrived (see PortalGate).
export function usePortal(): PortalInfoResponse {
  const portal = useContext(PortalContext);
  if (portal.status !== 'ready') throw new Error('usePortal() must be called inside <PortalGate>');
  return portal.data;
}
