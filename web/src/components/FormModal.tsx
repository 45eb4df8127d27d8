import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context.ts';

/**
 * A modal that holds one form: 保存 submits the form (its onFinish does the work), 取消 closes, and the save button
 * spins while the form is submitting. The form is rebuilt on every opening, so a cancelled entry never comes back.
 */
export function FormModal(props: {
  open: boolean;
  title: ReactNode;
  onSave: () => void;
  onClose: () => void;
  submitting: boolean;
  testId: string;
  danger?: boolean;
  /** wider than the default 520 px for a form with a side panel; a phone still gets the screen's width */
  width?: number;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={props.onSave}
      onCancel={props.onClose}
      okButtonProps={{ loading: props.submitting, danger: props.danger ?? false, 'data-testid': props.testId }}
      destroyOnHidden
      {...(props.width ? { width: props.width } : {})}
    >
      {props.children}
    </Modal>
  );
}
