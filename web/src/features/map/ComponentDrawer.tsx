import { useEffect, useState } from 'react';
import { Button, Descriptions, Drawer, Grid, List, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Bbox } from '../../../../common/domain/geo.ts';
import { tryT } from '../../../../common/i18n/core.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { mapApi, type Component } from './map.api.ts';
import { classColor } from './map-style.ts';

interface Props {
  /** a component to show, or the cell of a cluster whose members to list; null = closed */
  target: { code: string } | { cell: Bbox } | null;
  onClose: () => void;
}

const stateColor: Record<string, string> = {
  intact: 'green',
  damaged: 'orange',
  lost: 'red',
  abandoned: 'default',
  removed: 'default',
};

/** Details of one 管理部件 (GB/T 47678.5 common attributes), or the members of a cluster that cannot be split. */
export function ComponentDrawer({ target, onClose }: Props) {
  const { t, locale } = useI18n();
  const mobile = Grid.useBreakpoint().md === false;
  const [picked, setPicked] = useState<string | null>(null);
  const cell = target && 'cell' in target ? target.cell : null;
  const code = picked ?? (target && 'code' in target ? target.code : null);
  const cellKey = cell ? cell.join(',') : '';

  useEffect(() => setPicked(null), [cellKey, target]);

  const detail = useResource<Component>(code ? (signal) => mapApi.component(code, signal) : null, [code], {
    resetOnChange: true,
  });
  const members = useResource(
    cell && !code ? (signal) => mapApi.componentsIn(cell, signal) : null,
    [cell && !code ? cellKey : ''],
    { resetOnChange: true },
  );
  const shown = code ? detail : members;
  const dash = (value: string | null | undefined) => value || '—';

  const body = () => {
    if (shown.error) return <LoadError error={shown.error} onRetry={shown.reload} testId="component" />;
    if (shown.data === null) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
    if (!code && members?.data) {
      return (
        <List
          size="small"
          dataSource={members.data.items}
          data-testid="component-cluster-list"
          renderItem={(c) => (
            <List.Item onClick={() => setPicked(c.code)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta
                avatar={
                  <span
                    style={{
                      display: 'inline-block',
                      width: 10,
                      height: 10,
                      borderRadius: 5,
                      background: classColor(c.classCode),
                      marginTop: 6,
                    }}
                  />
                }
                title={c.name}
                description={<Typography.Text code>{c.code}</Typography.Text>}
              />
            </List.Item>
          )}
        />
      );
    }
    const c = detail.data;
    if (!c) return null;
    return (
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }} data-testid="component-details">
        <Descriptions.Item label={t('component.code')}>
          <Typography.Text copyable code data-testid="component-code">
            {c.code}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('component.name')}>
          {c.name} {c.synthetic ? <Tag>{t('common.demoData')}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('component.class')}>{`${c.classCode} ${c.className ?? ''}`}</Descriptions.Item>
        <Descriptions.Item label={t('component.state')}>
          <Tag color={stateColor[c.state]} data-testid="component-state">
            {tryT(locale, `component.states.${c.state}`) ?? c.state}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('component.dept')}>{c.deptName}</Descriptions.Item>
        <Descriptions.Item label={t('component.owner')}>{dash(c.ownerName)}</Descriptions.Item>
        <Descriptions.Item label={t('component.maintainer')}>{dash(c.maintainerName)}</Descriptions.Item>
        <Descriptions.Item label={t('component.grid')}>
          {c.gridCode ? <Typography.Text code>{c.gridCode}</Typography.Text> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('component.community')}>{dash(c.communityName)}</Descriptions.Item>
        <Descriptions.Item label={t('component.street')}>{dash(c.streetName)}</Descriptions.Item>
        <Descriptions.Item
          label={t('component.position')}
        >{`${c.lng.toFixed(6)}, ${c.lat.toFixed(6)}`}</Descriptions.Item>
        <Descriptions.Item label={t('component.initialDate')}>{c.initialDate}</Descriptions.Item>
        <Descriptions.Item label={t('component.changeDate')}>{dash(c.changeDate)}</Descriptions.Item>
        <Descriptions.Item label={t('component.source')}>{dash(c.source)}</Descriptions.Item>
        <Descriptions.Item label={t('component.notes')}>{dash(c.notes)}</Descriptions.Item>
        <Descriptions.Item label={t('component.updatedAt')}>{formatInstant(c.updatedAt)}</Descriptions.Item>
      </Descriptions>
    );
  };

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={
        <span>
          {picked && cell ? (
            <Button
              type="text"
              size="small"
              icon={<ArrowLeftOutlined />}
              onClick={() => setPicked(null)}
              aria-label={t('common.close')}
            />
          ) : null}
          {t('component.drawerTitle')}
        </span>
      }
      placement={mobile ? 'bottom' : 'right'}
      size={mobile ? '75%' : 440}
      mask={mobile}
      data-testid="component-drawer"
    >
      {body()}
    </Drawer>
  );
}
