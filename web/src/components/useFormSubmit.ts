import { useCallback, useState } from 'react';
import { App, type FormInstance } from 'antd';
import { errorText, toFormFieldErrors } from '../api/errors.ts';
import { useI18n } from '../i18n/context.ts';

/**
 * Wraps a form submit: shows the spinner, puts server validation errors (400 details) on their fields and
 * any other error in a message. Answers true when the submit succeeded.
 */
export function useFormSubmit<V>(form: FormInstance<V>, submit: (values: V) => Promise<unknown>) {
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);

  const run = useCallback(
    async (values: V): Promise<boolean> => {
      setSubmitting(true);
      try {
        await submit(values);
        return true;
      } catch (error) {
        const fields = toFormFieldErrors(error, locale);
        if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
        void message.error(errorText(error, locale));
        return false;
      } finally {
        setSubmitting(false);
      }
    },
    [form, submit, locale, message],
  );
  return { submitting, run };
}
