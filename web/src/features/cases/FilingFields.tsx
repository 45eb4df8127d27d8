import { Alert, Flex, Form, Select } from 'antd';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { casesApi, type CaseDetail, type FilingCondition } from './cases.api.ts';
import { MatterPicker } from './CaseSelects.tsx';
import { limitUnitLabel } from './labels.ts';

/** The filing conditions of a matter: choose one, and see the limit, closing condition and unit it brings. */
export function FilingConditionField({ matterCode }: { matterCode: string | undefined }) {
  const { t, locale } = useI18n();
  const chosen = Form.useWatch<string | undefined>('filingConditionId', Form.useFormInstance());
  const loaded = useResource(matterCode ? (signal) => casesApi.conditions(matterCode, signal) : null, [matterCode]);
  const conditions: FilingCondition[] = (loaded.data?.items ?? []).filter((c) => c.active);
  const condition = conditions.find((c) => c.id === chosen);
  return (
    <>
      <Form.Item
        name="filingConditionId"
        label={t('cases.actionForm.filingCondition')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          placeholder={t('cases.actionForm.filingConditionPlaceholder')}
          options={conditions.map((c) => ({ value: c.id, label: c.condition }))}
          optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
          data-testid="action-form-filing-condition"
        />
      </Form.Item>
      {condition ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="action-form-limit"
          title={t('cases.actionForm.limit', {
            value: condition.handlingLimit.value,
            unit: limitUnitLabel(locale, condition.handlingLimit.unit),
          })}
          description={
            <Flex vertical>
              <span>{t('cases.actionForm.closingCondition', { text: condition.closingCondition })}</span>
              {condition.unitName ? (
                <span>{t('cases.actionForm.unitDefault', { name: condition.unitName })}</span>
              ) : null}
            </Flex>
          }
        />
      ) : null}
    </>
  );
}

/**
 * 改类: the matter the filed case really is, and one of that matter's filing conditions (its limit and unit replace
 * the old ones). The current matter is not offered as the answer.
 */
export function ReclassifyFields({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const matterCode = Form.useWatch<string | undefined>('matterCode', Form.useFormInstance());
  const form = Form.useFormInstance();
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('cases.actionForm.reclassifyHint', { matter: detail.matterName ?? detail.matterCode })}
      />
      <Form.Item
        name="matterCode"
        label={t('cases.actionForm.newMatter')}
        rules={[
          { required: true, message: t('validation.required') },
          {
            validator: async (_r, v) => {
              if (v === detail.matterCode) throw new Error(t('cases.actionForm.sameMatter'));
            },
          },
        ]}
      >
        <MatterPicker
          placeholder={t('cases.form.matterPlaceholder')}
          onChange={() => form.setFieldValue('filingConditionId', undefined)}
          data-testid="action-form-matter"
        />
      </Form.Item>
      {matterCode && matterCode !== detail.matterCode ? <FilingConditionField matterCode={matterCode} /> : null}
    </>
  );
}
