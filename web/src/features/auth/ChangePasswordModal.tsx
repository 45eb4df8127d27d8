import { App, Alert, Button, Form, Input, Modal } from 'antd';
import { ChangePasswordBody } from '../../../../common/contracts/auth.ts';
import { PASSWORD_MIN_LENGTH } from '../../../../common/domain/org.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { authApi } from './auth.api.ts';
import { useAuth } from './context.ts';
import { passwordRules } from './passwordRules.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

interface Props {
  open: boolean;
  /** Forced after a reset or first sign-in (Me.user.mustChangePassword): cannot be dismissed. */
  forced?: boolean;
  onClose: () => void;
  /** When forced: the way out besides changing the password. */
  onSignOut?: () => void;
}

export function ChangePasswordModal({ open, forced = false, onClose, onSignOut }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const auth = useAuth();
  const [form] = Form.useForm<Values>();
  const { submitting, run } = useFormSubmit(form, async (values: Values) => {
    await authApi.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  });

  const onFinish = async (values: Values) => {
    if (!(await run(values))) return;
    void message.success(t('auth.passwordChanged'));
    form.resetFields();
    onClose();
    await auth.refresh().catch(() => undefined);
  };

  return (
    <Modal
      open={open}
      title={forced ? t('auth.mustChangeTitle') : t('auth.changePassword')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={forced ? undefined : onClose}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }}
      okButtonProps={{ loading: submitting, 'data-testid': 'change-password-submit' }}
      destroyOnHidden
      data-testid="change-password-modal"
    >
      {forced ? <Alert type="warning" showIcon title={t('auth.mustChangeBody')} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        name="changePassword"
        data-testid="change-password-form"
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
      >
        <Form.Item
          name="currentPassword"
          label={t('auth.currentPassword')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="change-password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          extra={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          dependencies={['currentPassword']}
          rules={[
            ...passwordRules(ChangePasswordBody.properties.newPassword, t, () => auth.me?.user.username),
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                value && value === getFieldValue('currentPassword')
                  ? Promise.reject(new Error(t('validation.passwordSame')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="change-password-new" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('validation.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="change-password-confirm" />
        </Form.Item>
      </Form>
      {forced && onSignOut ? (
        <Button type="link" onClick={onSignOut} style={{ paddingInline: 0 }} data-testid="change-password-sign-out">
          {t('auth.logout')}
        </Button>
      ) : null}
    </Modal>
  );
}
