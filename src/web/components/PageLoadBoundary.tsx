import { Component, type ReactNode } from 'react';
import { StatusMessage } from './StatusMessage.tsx';

// A page's file can fail to load (connection lost, or a new version deployed meanwhile): the page then says
// so, and the rest of the portal keeps working.
export class PageLoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <StatusMessage status="failed" /> : this.props.children;
  }
}
