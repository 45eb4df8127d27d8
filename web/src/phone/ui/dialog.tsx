/**
 * A modal dialog for the phone pages: centred (a question, a form) or as a bottom sheet (a picker). It is a real
 * modal for assistive technology (role="dialog", aria-modal, labelled by its title), keeps the keyboard inside while
 * open, gives focus back to what opened it, and closes on Escape or a tap outside unless `dismissible` is false.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Button, type ButtonKind } from './controls.tsx';
import { Icon } from './icons.tsx';
import './ui.css';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface DialogProps {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  onClose: () => void;
  footer?: ReactNode;
  placement?: 'center' | 'sheet';
  /** false: no close button, Escape and the backdrop do nothing (a screen that must be completed) */
  dismissible?: boolean;
  closeLabel?: string;
  /** the dialog element's alert role: a question that interrupts (confirmations) */
  alert?: boolean;
  testId?: string;
}

export function Dialog({
  open,
  title,
  children,
  onClose,
  footer,
  placement = 'center',
  dismissible = true,
  closeLabel,
  alert = false,
  testId,
}: DialogProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = panel.current;
    // The marked element, else the first control of the content (not the close button), else the dialog itself.
    const first =
      el?.querySelector<HTMLElement>('[data-autofocus]') ??
      el?.querySelector('.ph-dialog-body')?.querySelector<HTMLElement>(FOCUSABLE) ??
      el;
    first?.focus();
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = overflow;
      opener?.focus();
    };
  }, [open]);

  if (!open) return null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && dismissible) {
      event.stopPropagation();
      close.current();
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div
      className={`ph-mask ph-mask-${placement}`}
      onClick={(event) => dismissible && event.target === event.currentTarget && close.current()}
    >
      <div
        ref={panel}
        className={`ph-dialog ph-dialog-${placement}`}
        role={alert ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <div className="ph-dialog-header">
          <h2 id={titleId} className="ph-dialog-title">
            {title}
          </h2>
          {dismissible ? (
            <button type="button" className="ph-dialog-close" onClick={() => close.current()} aria-label={closeLabel}>
              <Icon name="close" />
            </button>
          ) : null}
        </div>
        <div className="ph-dialog-body">{children}</div>
        {footer ? <div className="ph-dialog-footer">{footer}</div> : null}
      </div>
    </div>,
    document.body,
  );
}

interface ConfirmProps {
  open: boolean;
  title: ReactNode;
  content?: ReactNode;
  okText: string;
  cancelText: string;
  okKind?: ButtonKind;
  /** may return a promise: the dialog stays open, its OK button busy, until it settles */
  onOk: () => unknown;
  onCancel: () => void;
  okTestId?: string;
  testId?: string;
}

/** A yes/no question; closes itself after OK (onCancel is called then too, so the caller has one place to reset). */
export function ConfirmDialog({
  open,
  title,
  content,
  okText,
  cancelText,
  okKind = 'primary',
  onOk,
  onCancel,
  okTestId,
  testId,
}: ConfirmProps) {
  const [busy, setBusy] = useState(false);
  const danger = okKind.startsWith('danger');
  const ok = async () => {
    setBusy(true);
    try {
      await onOk();
    } finally {
      setBusy(false);
      onCancel();
    }
  };
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      dismissible={!busy}
      closeLabel={cancelText}
      alert
      testId={testId}
      footer={
        <>
          {/* a destructive answer is never the one a stray Enter gives */}
          <Button onClick={onCancel} disabled={busy} data-autofocus={danger || undefined}>
            {cancelText}
          </Button>
          <Button
            kind={okKind}
            loading={busy}
            onClick={() => void ok()}
            data-testid={okTestId}
            data-autofocus={!danger || undefined}
          >
            {okText}
          </Button>
        </>
      }
    >
      {content}
    </Dialog>
  );
}
