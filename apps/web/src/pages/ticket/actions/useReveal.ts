import { useRef, useState } from 'react';

/**
 * A button that opens its form in place (`退回` → `退回理由`, `确认退回`), like `改派` on /intake:
 * the form's first field takes the focus, and cancelling gives it back to the button.
 */
export function useReveal() {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  return {
    open,
    trigger,
    show: () => setOpen(true),
    hide: () => {
      setOpen(false);
      setTimeout(() => trigger.current?.focus());
    },
    /** After a success the action is usually gone; nothing to focus. */
    done: () => setOpen(false),
  };
}
