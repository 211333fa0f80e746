import type { ReactNode } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { PendingButton } from './PendingButton.tsx';

type AlertDialogProps = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
  /** Escape does this; without it Escape does nothing and the agent must choose. */
  onDismiss?(): void;
  tone?: 'default' | 'danger';
  busy?: boolean;
};

// A question that interrupts (role alertdialog): focus moves into it, stays in it, and goes back where it was.
export function AlertDialog({ title, children, confirmLabel, cancelLabel, onConfirm, onCancel, onDismiss, tone = 'default', busy = false }: AlertDialogProps) {
  return (
    <ModalOverlay
      isOpen
      isKeyboardDismissDisabled={!onDismiss}
      onOpenChange={(open) => {
        if (!open) onDismiss?.();
      }}
      className="dialog-overlay"
    >
      <Modal className="dialog">
        <Dialog role="alertdialog" className="dialog__content">
          <Heading slot="title" level={2} className="dialog__title">
            {title}
          </Heading>
          <div className="dialog__body">{children}</div>
          <div className="dialog__actions">
            <PendingButton className={`button button--${tone === 'danger' ? 'danger' : 'primary'}`} onPress={onConfirm} pending={busy}>
              {confirmLabel}
            </PendingButton>
            <Button className="button button--secondary" onPress={onCancel} isDisabled={busy}>
              {cancelLabel}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
