import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined, BankOutlined } from '@ant-design/icons';
import { LoginBody } from '../../../../common/contracts/auth.ts';
import { errorText, toFormFieldErrors } from '../../api/errors.ts';
import { rulesFromSchema } from '../../components/schemaRules.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from './context.ts';
import { DemoAccounts } from './DemoAccounts.tsx';

/** Daye (大冶市), the first tenant; pre-filled so most users only type a username and password. */
export const DEFAULT_TENANT_CODE = '420281';

interface Values {
  tenantCode?: string;
  username: string;
  password: string;
}

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      const tenantCode = values.tenantCode?.trim();
      await auth.login({
        tenantCode: tenantCode || undefined,
        username: values.username.trim(),
        password: values.password,
      });
      onSuccess();
    } catch (cause) {
      setError(cause);
      const fields = toFormFieldErrors(cause, locale);
      if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      name="login"
      layout="vertical"
      size="large"
      requiredMark={false}
      initialValues={{ tenantCode: DEFAULT_TENANT_CODE }}
      onFinish={onFinish}
      onValuesChange={() => error !== null && setError(null)}
      data-testid="login-form"
    >
      {auth.sessionExpired && error === null ? (
        <Alert
          type="warning"
          showIcon
          title={t('auth.sessionExpired')}
          style={{ marginBottom: 16 }}
          data-testid="login-expired"
        />
      ) : null}
      {error !== null ? (
        <Alert
          type="error"
          showIcon
          title={errorText(error, locale)}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
          role="alert"
        />
      ) : null}
      <Form.Item
        name="tenantCode"
        label={t('auth.login.tenantCode')}
        extra={t('auth.login.tenantCodeHint')}
        rules={rulesFromSchema(LoginBody.properties.tenantCode, t, {
          patternMessage: t('validation.patterns.tenantCode'),
        })}
      >
        <Input
          prefix={<BankOutlined />}
          inputMode="numeric"
          maxLength={6}
          autoComplete="organization"
          data-testid="login-tenant"
        />
      </Form.Item>
      <Form.Item
        name="username"
        label={t('auth.login.username')}
        rules={rulesFromSchema(LoginBody.properties.username, t, { required: true })}
      >
        <Input
          prefix={<UserOutlined />}
          autoComplete="username"
          autoFocus
          autoCapitalize="none"
          data-testid="login-username"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.login.password')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
        {t('auth.login.submit')}
      </Button>
      <DemoAccounts
        onPick={(tenantCode, a) => {
          form.setFieldsValue({ tenantCode, username: a.username, password: a.password });
          setError(null);
        }}
      />
    </Form>
  );
}
