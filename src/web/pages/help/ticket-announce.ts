import { useCallback, useRef, useState } from 'react';

// After an action, its success message takes the focus (as on the sessions page) so it is read at once.
export function useTicketAnnounce() {
  const [message, setMessage] = useState<string>();
  const messageRef = useRef<HTMLDivElement>(null);
  const announce = useCallback((next: string) => {
    setMessage(next);
    window.requestAnimationFrame(() => messageRef.current?.focus());
  }, []);
  return { message, messageRef, announce };
}
