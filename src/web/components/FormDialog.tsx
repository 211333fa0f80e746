import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Button, Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isReauthCancelled } from './enrolment/use-reauth.tsx';
import { PendingButton } from './PendingButton.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';
import { TextAreaInput } from './TextAreaInput.tsx';

export type ReasonOptions = {
  /** Characters the server asks for at least (3 for HR, 5 for the console and roles). */
  minLength: number;
  optional?: boolean;
  label?: string;
  description?: string;
};

type FormDialogProps = {
  title: string;
  /** What will happen, and the action's own fields; the reason comes after them. */
  children?: ReactNode;
  confirmLabel: string;
  tone?: 'default' | 'danger';
  /** Every administrative action says why: the reason is kept in the audit trail. False for none. */
  reason: ReasonOptions | false;
  /** Checks the action's own fields before sending; returns false to stay (the fields show their errors). */
  validate?(): boolean;
  /** Does the action; a thrown error is shown in the dialog, which stays open. */
  onSubmit(reason: string): Promise<void>;
  onClose(): void;
};

// A modal form for one action: focus moves in and stays in, Escape or Cancel closes it and focus goes back
// to the button that opened it.
export function FormDialog({ title, children, confirmLabel, tone = 'default', reason, validate, onSubmit, onClose }: FormDialogProps) {
  const { admin } = useI18n();
  const text = admin.common;
  const [value, setValue] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const errorRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = value.trim();
    const reasonProblem =
      reason && (reason.optional ? trimmed.length > 0 && trimmed.length < reason.minLength : trimmed.length < reason.minLength)
        ? text.reasonTooShort(reason.minLength)
        : undefined;
    setReasonError(reasonProblem);
    const fieldsValid = validate ? validate() : true;
    if (reasonProblem || !fieldsValid) {
      window.requestAnimationFrame(() => {
        const form = event.target as HTMLFormElement;
        form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      });
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      await onSubmit(trimmed);
    } catch (caught) {
      if (!isReauthCancelled(caught)) {
        setError(caught);
        window.requestAnimationFrame(() => errorRef.current?.focus());
      }
    } finally {
      setPending(false);
    }
  }

  return (
    // Escape closes it; a click beside it does not, so a reason being typed is never lost by a stray tap.
    <ModalOverlay isOpen isKeyboardDismissDisabled={pending} onOpenChange={(open) => !open && onClose()} className="dialog-overlay">
      <Modal className="dialog dialog--wide">
        <Dialog className="dialog__content">
          <Heading slot="title" level={2} className="dialog__title">
            {title}
          </Heading>
          <Form onSubmit={submit} validationBehavior="aria">
            {children}
            {reason ? (
              <TextAreaInput
                label={reason.label ?? (reason.optional ? text.reasonOptional : text.reason)}
                description={reason.description ?? text.reasonHint}
                value={value}
                onChange={(next) => {
                  setValue(next);
                  setReasonError(undefined);
                }}
                error={reasonError}
                isRequired={!reason.optional}
                autoFocus={!children}
                maxLength={500}
              />
            ) : null}
            <div ref={errorRef} tabIndex={-1} className="focus-target">
              {error ? <ProblemAlert error={error} /> : null}
            </div>
            <div className="dialog__actions">
              <PendingButton type="submit" className={`button button--${tone === 'danger' ? 'danger' : 'primary'}`} pending={pending}>
                {confirmLabel}
              </PendingButton>
              <Button className="button button--secondary" onPress={onClose} isDisabled={pending}>
                {text.cancel}
              </Button>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
