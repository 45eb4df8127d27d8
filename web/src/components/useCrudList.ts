import { useCallback, useRef, useState } from 'react';
import { App } from 'antd';
import { errorText } from '../api/errors.ts';
import { useI18n } from '../i18n/context.ts';

/** What is open in a list's create/edit form: nothing, a new record, or the row being edited. */
export type CrudTarget<T> = T | 'new' | null;

/**
 * The state of a console list page with a create/edit form: its filters, the form's target, a reload after a
 * change, and one way to run a row action (toggle, delete) with its success or failure message.
 */
export function useCrudList<T, F extends object>(options: { filters?: F; onChanged?: () => void } = {}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<F>(options.filters ?? ({} as F));
  const [target, setTarget] = useState<CrudTarget<T>>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const onChanged = useRef(options.onChanged);
  onChanged.current = options.onChanged;
  /** Shows the list again after a change made here (and tells `onChanged`, e.g. a panel beside the list). */
  const reload = useCallback(() => {
    setReloadKey((k) => k + 1);
    onChanged.current?.();
  }, []);

  const setFilter = useCallback(
    <K extends keyof F>(key: K, value: F[K]) => setFilters((f) => ({ ...f, [key]: value })),
    [],
  );
  const create = useCallback(() => setTarget('new'), []);
  const edit = useCallback((row: T) => setTarget(row), []);
  const close = useCallback(() => setTarget(null), []);

  /** The form saved: say so, close it, show the change. */
  const saved = (text?: string) => {
    void message.success(text ?? t('common.saved'));
    setTarget(null);
    reload();
  };

  /** Runs a row action; the list reloads when it worked, the server's reason shows when it did not. */
  const act = async (call: () => Promise<unknown>, done: string = t('common.saved')): Promise<void> => {
    try {
      await call();
      void message.success(done);
      reload();
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };

  return { filters, setFilters, setFilter, target, create, edit, close, reloadKey, reload, saved, act };
}

export type CrudList<T, F extends object> = ReturnType<typeof useCrudList<T, F>>;
