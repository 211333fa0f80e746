import { Button, type ButtonProps } from 'react-aria-components';

type PendingButtonProps = Omit<ButtonProps, 'isPending' | 'className'> & { pending?: boolean; className?: string };

// While its action runs the button ignores presses and looks busy, but keeps the focus. Not react-aria's
// isPending: it announces the button through a live region that outlives the button when the page changes
// on success, leaving a dangling reference (axe: role-img-alt) for a few seconds.
export function PendingButton({ pending = false, onPress, type, className, ...props }: PendingButtonProps) {
  return (
    <Button
      {...props}
      type={pending && type === 'submit' ? 'button' : type}
      onPress={pending ? undefined : onPress}
      className={[className, pending ? 'is-pending' : undefined].filter(Boolean).join(' ')}
    />
  );
}
