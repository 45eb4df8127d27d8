import { Button, Card, Flex, Form, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { UNIT_BOUND_ROLES, type Role } from '../../../../common/domain/roles.ts';
import type { RemoteOption } from '../../components/RemoteSelect.tsx';
import { useI18n } from '../../i18n/context.ts';
import { roleOptions } from './labels.ts';
import { RegionSelect, UnitSelect } from './OrgSelects.tsx';

export interface GrantValue {
  role?: Role;
  unitId?: string | null;
  regionId?: string | null;
}

interface Props {
  /** Labels of units and regions the edited user already holds, so selects show names at once. */
  knownUnits: RemoteOption[];
  knownRegions: RemoteOption[];
}

const needsUnit = (role: Role | undefined) => role !== undefined && UNIT_BOUND_ROLES.includes(role);

/** The role grants of a user: each a role, narrowed to a handling unit and/or a region. */
export function GrantsField({ knownUnits, knownRegions }: Props) {
  const { t, locale } = useI18n();
  return (
    <Form.List
      name="grants"
      rules={[
        {
          validator: async (_rule, grants: GrantValue[] | undefined) => {
            if (!grants || grants.length === 0) throw new Error(t('org.user.grantsRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8} data-testid="user-form-grants">
          {fields.map((field) => (
            <Card key={field.key} size="small" styles={{ body: { paddingBottom: 0 } }}>
              <Flex wrap gap={8} align="start">
                <Form.Item
                  name={[field.name, 'role']}
                  rules={[{ required: true, message: t('validation.required') }]}
                  style={{ flex: '1 1 140px', marginBottom: 12 }}
                >
                  <Select<Role>
                    placeholder={t('org.user.grantRole')}
                    options={roleOptions(locale)}
                    data-testid={`user-form-grant-role-${field.name}`}
                  />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => {
                    const role = getFieldValue(['grants', field.name, 'role']) as Role | undefined;
                    const required = needsUnit(role);
                    return (
                      <Form.Item
                        name={[field.name, 'unitId']}
                        rules={required ? [{ required: true, message: t('errors.ORG_GRANT_NEEDS_UNIT') }] : []}
                        style={{ flex: '1 1 160px', marginBottom: 12 }}
                      >
                        <UnitSelect
                          knownOptions={knownUnits}
                          placeholder={required ? t('org.user.grantUnit') : t('org.user.grantUnitAny')}
                          data-testid={`user-form-grant-unit-${field.name}`}
                        />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
                <Form.Item name={[field.name, 'regionId']} style={{ flex: '1 1 160px', marginBottom: 12 }}>
                  <RegionSelect
                    knownOptions={knownRegions}
                    placeholder={t('org.user.grantRegionAny')}
                    data-testid={`user-form-grant-region-${field.name}`}
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('org.user.removeGrant')}
                  data-testid={`user-form-grant-remove-${field.name}`}
                />
              </Flex>
            </Card>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ unitId: null, regionId: null })}
            data-testid="user-form-grant-add"
          >
            {t('org.user.addGrant')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Flex>
      )}
    </Form.List>
  );
}
