import { App, Form, Input, Modal } from 'antd';
import { ResetPasswordBody, type User } from '../../../../common/contracts/org.ts';
import { PASSWORD_MIN_LENGTH } from '../../../../common/domain/org.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { passwordRules } from '../auth/passwordRules.ts';
import { orgApi } from './org.api.ts';

/** An administrator sets a temporary password; the user must change it at next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const { submitting, run } = useFormSubmit(form, async ({ password }: { password: string }) => {
    if (user) await orgApi.resetPassword(user.id, password);
  });

  return (
    <Modal
      open={user !== null}
      title={user ? t('org.user.resetPasswordFor', { name: user.displayName }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: submitting, 'data-testid': 'reset-password-submit' }}
      destroyOnHidden
      data-testid="reset-password-modal"
    >
      <Form
        form={form}
        name="resetPassword"
        data-testid="reset-password-form"
        layout="vertical"
        onFinish={async (values) => {
          if (!(await run(values))) return;
          void message.success(t('org.user.resetDone'));
          form.resetFields();
          onClose();
        }}
      >
        <Form.Item
          name="password"
          label={t('auth.newPassword')}
          extra={t('org.user.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          rules={passwordRules(ResetPasswordBody.properties.password, t, () => user?.username)}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
