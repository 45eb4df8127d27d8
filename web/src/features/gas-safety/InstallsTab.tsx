import { useState } from 'react';
import { Button, Card, Form, InputNumber, Progress, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { GasInstallCreate, GasTargetPut } from '../../../../common/contracts/gas-safety.ts';
import { GAS_INSTALL_KINDS, type GasInstallKind } from '../../../../common/domain/gas-safety.ts';
import { useResource } from '../../api/use-resource.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { cityToday } from '../../components/format.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { DateItem } from '../illegal-construction/fields.tsx';
import { RegionSelect } from '../org/OrgSelects.tsx';
import { gasApi, type GasProgress } from './gas.api.ts';

type Row = GasProgress['rows'][number];
type Part = Row['alarm'];

function PartCell({ p }: { p: Part }) {
  return (
    <Space direction="vertical" size={0} style={{ minWidth: 110 }}>
      <span>
        {p.done} / {p.target || '—'}
      </span>
      {p.pct === null ? null : <Progress percent={Math.min(100, p.pct)} size="small" format={() => `${p.pct}%`} />}
    </Space>
  );
}

/** The household 三件套 of the year by community: fitted against target, with entries for both. */
export function InstallsTab({ year }: { year: number }) {
  const { t } = useI18n();
  const mayManage = useAuth().can('assets.manage');
  const [reload, setReload] = useState(0);
  const [dialog, setDialog] = useState<'install' | 'target' | null>(null);
  const progress = useResource((signal) => gasApi.progress(year, signal), [year, reload]);
  const [installForm] = Form.useForm<GasInstallCreate>();
  const [targetForm] = Form.useForm<GasTargetPut>();
  const done = () => {
    setDialog(null);
    setReload((n) => n + 1);
  };
  const install = useFormSubmit(installForm, async (v: GasInstallCreate) => {
    await gasApi.addInstall(v);
    done();
  });
  const target = useFormSubmit(targetForm, async (v: GasTargetPut) => {
    await gasApi.putTarget({ ...v, year });
    done();
  });
  const required = [{ required: true, message: t('validation.required') }];
  const kinds = GAS_INSTALL_KINDS.map((k) => ({ value: k, label: t(`gasSafety.kind.${k}`) }));
  const column = (k: GasInstallKind) => ({
    title: t(`gasSafety.kind.${k}`),
    key: k,
    render: (_: unknown, r: Row) => <PartCell p={r[k]} />,
  });
  const total = progress.data?.total;
  return (
    <Card
      size="small"
      title={t('gasSafety.installsTitle', { year })}
      extra={
        mayManage ? (
          <Space>
            <Button size="small" onClick={() => setDialog('target')} data-testid="gas-target-add">
              {t('gasSafety.actions.setTarget')}
            </Button>
            <Button
              size="small"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog('install')}
              data-testid="gas-install-add"
            >
              {t('gasSafety.actions.addInstall')}
            </Button>
          </Space>
        ) : null
      }
    >
      {progress.error ? <LoadError error={progress.error} onRetry={() => setReload((n) => n + 1)} /> : null}
      <Table<Row>
        size="small"
        rowKey="regionId"
        loading={progress.loading}
        dataSource={progress.data?.rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('gasSafety.noInstalls') }}
        data-testid="gas-progress"
        columns={[
          { title: t('gasSafety.fields.community'), dataIndex: 'regionName' },
          ...GAS_INSTALL_KINDS.map(column),
        ]}
        summary={() =>
          total && progress.data?.rows.length ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('gasSafety.total')}</Table.Summary.Cell>
              {GAS_INSTALL_KINDS.map((k, i) => (
                <Table.Summary.Cell index={i + 1} key={k}>
                  <PartCell p={total[k]} />
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
      <FormModal
        open={dialog === 'install'}
        title={t('gasSafety.actions.addInstall')}
        onSave={() => installForm.submit()}
        onClose={() => setDialog(null)}
        submitting={install.submitting}
        testId="gas-install-save"
      >
        <Form<GasInstallCreate>
          form={installForm}
          layout="vertical"
          preserve={false}
          initialValues={{ kind: 'alarm', onDate: cityToday() }}
          onFinish={(v) => void install.run(v)}
        >
          <Form.Item name="regionId" label={t('gasSafety.fields.community')} rules={required}>
            <RegionSelect kinds={['community']} data-testid="gas-install-community" />
          </Form.Item>
          <Form.Item name="kind" label={t('gasSafety.fields.kind')} rules={required}>
            <Select options={kinds} />
          </Form.Item>
          <Form.Item name="households" label={t('gasSafety.fields.households')} rules={required}>
            <InputNumber
              min={1}
              max={100000}
              precision={0}
              style={{ width: '100%' }}
              data-testid="gas-install-households"
            />
          </Form.Item>
          <DateItem name="onDate" label={t('gasSafety.fields.onDate')} required testId="gas-install-date" />
        </Form>
      </FormModal>
      <FormModal
        open={dialog === 'target'}
        title={t('gasSafety.actions.setTarget')}
        onSave={() => targetForm.submit()}
        onClose={() => setDialog(null)}
        submitting={target.submitting}
        testId="gas-target-save"
      >
        <Form<GasTargetPut>
          form={targetForm}
          layout="vertical"
          preserve={false}
          initialValues={{ kind: 'alarm' }}
          onFinish={(v) => void target.run(v)}
        >
          <Form.Item name="regionId" label={t('gasSafety.fields.community')} rules={required}>
            <RegionSelect kinds={['community']} data-testid="gas-target-community" />
          </Form.Item>
          <Form.Item name="kind" label={t('gasSafety.fields.kind')} rules={required}>
            <Select options={kinds} />
          </Form.Item>
          <Form.Item name="households" label={t('gasSafety.fields.target')} rules={required}>
            <InputNumber min={0} max={1000000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </FormModal>
    </Card>
  );
}
