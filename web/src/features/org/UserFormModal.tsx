import { useEffect, useRef, useState } from 'react';
import { App, Form, Input, Modal, Spin } from 'antd';
import { UserCreate, type User } from '../../../../common/contracts/org.ts';
import { PASSWORD_MIN_LENGTH } from '../../../../common/domain/org.ts';
import { isRole } from '../../../../common/domain/roles.ts';
import { errorText } from '../../api/errors.ts';
import type { RemoteOption } from '../../components/RemoteSelect.tsx';
import { rulesFromSchema } from '../../components/schemaRules.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { passwordRules } from '../auth/passwordRules.ts';
import { GrantsField, type GrantValue } from './GrantsField.tsx';
import { UnitSelect } from './OrgSelects.tsx';
import { orgApi, type GrantBody, type UserUpdateBody } from './org.api.ts';

interface Values {
  username: string;
  displayName: string;
  password?: string;
  phone?: string;
  unitId?: string | null;
  grants: GrantValue[];
}

interface Props {
  /** null = closed, 'new' = create, a user = edit (the full record is fetched again: lists mask the phone). */
  target: User | 'new' | null;
  onClose: () => void;
  onSaved: (user: User) => void;
}

const toGrantBodies = (grants: GrantValue[]): GrantBody[] =>
  grants.flatMap((g) => (g.role ? [{ role: g.role, unitId: g.unitId ?? null, regionId: g.regionId ?? null }] : []));
const grantKey = (grants: GrantBody[]) => JSON.stringify(grants.map((g) => [g.role, g.unitId, g.regionId]).sort());
const isMasked = (phone: string | null) => !!phone && phone.includes('*');

export function UserFormModal({ target, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState<User | null>(null);
  const editing = target !== null && target !== 'new' ? target : null;
  const original = loaded ?? editing;
  // Read through a ref so a new onClose/message identity on re-render does not refetch the user.
  const failRef = useRef<(error: unknown) => void>(() => undefined);
  failRef.current = (error: unknown) => {
    void message.error(errorText(error, locale));
    onClose();
  };

  useEffect(() => {
    setLoaded(null);
    if (target === 'new') {
      form.setFieldsValue({
        username: '',
        displayName: '',
        password: '',
        phone: '',
        unitId: null,
        grants: [{ unitId: null, regionId: null }],
      });
      return;
    }
    if (!target) return;
    let live = true;
    orgApi.user(target.id).then(
      (user) => {
        if (!live) return;
        setLoaded(user);
        form.setFieldsValue({
          username: user.username,
          displayName: user.displayName,
          phone: isMasked(user.phone) ? '' : (user.phone ?? ''),
          unitId: user.unitId,
          grants: user.grants.flatMap((g) =>
            isRole(g.role) ? [{ role: g.role, unitId: g.unitId, regionId: g.regionId }] : [],
          ),
        });
      },
      (error: unknown) => live && failRef.current(error),
    );
    return () => {
      live = false;
    };
  }, [target, form]);

  const { submitting, run } = useFormSubmit(form, async (values: Values) => {
    const phone = values.phone?.trim() || null;
    const grants = toGrantBodies(values.grants ?? []);
    if (!original) {
      onSaved(
        await orgApi.createUser({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password ?? '',
          phone,
          unitId: values.unitId ?? null,
          grants,
        }),
      );
      return;
    }
    const patch: UserUpdateBody = {};
    if (values.displayName.trim() !== original.displayName) patch.displayName = values.displayName.trim();
    // A masked phone cannot be round-tripped: send it only when the administrator typed a new one.
    if (isMasked(original.phone) ? phone !== null : phone !== original.phone) patch.phone = phone;
    if ((values.unitId ?? null) !== original.unitId) patch.unitId = values.unitId ?? null;
    const before = original.grants.flatMap((g) =>
      isRole(g.role) ? [{ role: g.role, unitId: g.unitId, regionId: g.regionId }] : [],
    );
    if (grantKey(grants) !== grantKey(before)) patch.grants = grants;
    onSaved(Object.keys(patch).length > 0 ? await orgApi.updateUser(original.id, patch) : original);
  });

  const knownUnits: RemoteOption[] = [];
  const knownRegions: RemoteOption[] = [];
  if (original?.unitId) knownUnits.push({ value: original.unitId, label: original.unitName ?? original.unitId });
  for (const g of original?.grants ?? []) {
    if (g.unitId) knownUnits.push({ value: g.unitId, label: g.unitName ?? g.unitId });
    if (g.regionId) knownRegions.push({ value: g.regionId, label: g.regionName ?? g.regionId });
  }
  const loading = editing !== null && loaded === null;

  return (
    <Modal
      open={target !== null}
      title={editing ? t('org.user.edit') : t('org.user.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: submitting, disabled: loading, 'data-testid': 'user-form-submit' }}
      width={720}
      destroyOnHidden
      data-testid="user-form-modal"
    >
      <Spin spinning={loading}>
        <Form<Values> form={form} name="user" data-testid="user-form" layout="vertical" onFinish={(v) => void run(v)}>
          <Form.Item
            name="username"
            label={t('org.user.username')}
            extra={editing ? undefined : t('org.user.usernameHint')}
            rules={
              editing
                ? []
                : rulesFromSchema(UserCreate.properties.username, t, {
                    required: true,
                    patternMessage: t('validation.patterns.username'),
                  })
            }
          >
            <Input
              maxLength={32}
              disabled={editing !== null}
              autoComplete="off"
              autoCapitalize="none"
              data-testid="user-form-username"
            />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('org.user.displayName')}
            rules={rulesFromSchema(UserCreate.properties.displayName, t, { required: true })}
          >
            <Input maxLength={40} data-testid="user-form-display-name" />
          </Form.Item>
          {editing ? null : (
            <Form.Item
              name="password"
              label={t('org.user.password')}
              extra={t('org.user.passwordHint', { min: PASSWORD_MIN_LENGTH })}
              dependencies={['username']}
              rules={passwordRules(
                UserCreate.properties.password,
                t,
                () => form.getFieldValue('username') as string | undefined,
              )}
            >
              <Input.Password autoComplete="new-password" data-testid="user-form-password" />
            </Form.Item>
          )}
          <Form.Item
            name="phone"
            label={t('org.user.phone')}
            rules={rulesFromSchema(UserCreate.properties.phone, t, { patternMessage: t('validation.patterns.phone') })}
          >
            <Input
              maxLength={11}
              inputMode="tel"
              placeholder={original && isMasked(original.phone) ? (original.phone ?? undefined) : undefined}
              data-testid="user-form-phone"
            />
          </Form.Item>
          <Form.Item name="unitId" label={t('org.user.unit')}>
            <UnitSelect knownOptions={knownUnits} data-testid="user-form-unit" />
          </Form.Item>
          <Form.Item label={t('org.user.grants')} required>
            <GrantsField knownUnits={knownUnits} knownRegions={knownRegions} />
          </Form.Item>
        </Form>
      </Spin>
    </Modal>
  );
}
