import { useCallback, useState } from 'react';
import { App, Button, Dropdown, Select, Space, Tag, type MenuProps, type TableColumnsType } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import type { User } from '../../../../common/contracts/org.ts';
import type { Role } from '../../../../common/domain/roles.ts';
import { BooleanSelect } from '../../components/BooleanSelect.tsx';
import { formatInstant } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { roleLabel, roleOptions } from './labels.ts';
import { UnitSelect } from './OrgSelects.tsx';
import { orgApi } from './org.api.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFormModal } from './UserFormModal.tsx';

interface Filters {
  role?: Role;
  unitId?: string;
  active?: boolean;
}

/** Accounts of the tenant: search, filter by role, unit and status, sort; create, edit, reset, unlock, (de)activate. */
export function UserList() {
  const { t, locale } = useI18n();
  const { modal } = App.useApp();
  const list = useCrudList<User, Filters>();
  const auth = useAuth();
  const canManage = auth.can('user.manage');
  const [resetting, setResetting] = useState<User | null>(null);

  const fetchPage = useCallback<FetchPage<User, Filters>>((request, signal) => orgApi.users(request, signal), []);

  const act = (work: Promise<unknown>, done: string) => list.act(() => work, done);

  const moreItems = (u: User): MenuProps['items'] => [
    { key: 'reset', label: <span data-testid={`user-reset-${u.username}`}>{t('org.user.resetPassword')}</span> },
    ...(u.locked
      ? [{ key: 'unlock', label: <span data-testid={`user-unlock-${u.username}`}>{t('org.user.unlock')}</span> }]
      : []),
    u.active
      ? {
          key: 'deactivate',
          danger: true,
          disabled: u.id === auth.me?.user.id,
          label: <span data-testid={`user-deactivate-${u.username}`}>{t('org.user.deactivate')}</span>,
        }
      : { key: 'activate', label: <span data-testid={`user-activate-${u.username}`}>{t('org.user.activate')}</span> },
  ];
  const onMore = (u: User, key: string) => {
    if (key === 'reset') setResetting(u);
    if (key === 'unlock') void act(orgApi.unlockUser(u.id), t('org.user.unlocked'));
    if (key === 'activate') void act(orgApi.updateUser(u.id, { active: true }), t('common.saved'));
    if (key === 'deactivate') {
      modal.confirm({
        title: t('org.user.deactivateConfirm', { name: u.displayName }),
        okText: t('org.user.deactivate'),
        cancelText: t('common.cancel'),
        okButtonProps: { danger: true },
        onOk: () => act(orgApi.updateUser(u.id, { active: false }), t('common.saved')),
      });
    }
  };

  const columns: TableColumnsType<User> = [
    { title: t('org.user.username'), key: 'username', dataIndex: 'username', sorter: true },
    {
      title: t('org.user.displayName'),
      key: 'displayName',
      sorter: true,
      render: (_, u) => (
        <Space size={4}>
          {u.displayName}
          {u.synthetic ? <Tag>{t('common.demoData')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('org.user.unit'), key: 'unitName', render: (_, u) => u.unitName ?? '—' },
    {
      title: t('org.user.roles'),
      key: 'roles',
      render: (_, u) => (
        <Space size={[0, 4]} wrap>
          {u.grants.map((g, i) => {
            const scope = [g.unitName, g.regionName].filter(Boolean).join(' · ');
            return (
              <Tag key={`${g.role}-${i}`} color={g.role === 'admin' ? 'red' : 'blue'}>
                {roleLabel(locale, g.role)}
                {scope ? ` · ${scope}` : ''}
              </Tag>
            );
          })}
        </Space>
      ),
    },
    { title: t('org.user.phone'), key: 'phone', render: (_, u) => u.phone ?? '—' },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={0}>
          {u.active ? <Tag color="success">{t('org.user.active')}</Tag> : <Tag>{t('org.user.inactive')}</Tag>}
          {u.locked ? <Tag color="warning">{t('org.user.locked')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('org.user.lastLoginAt'),
      key: 'lastLoginAt',
      sorter: true,
      render: (_, u) => (u.lastLoginAt ? formatInstant(u.lastLoginAt) : t('org.user.never')),
    },
    {
      title: t('common.updatedAt'),
      key: 'updatedAt',
      sorter: true,
      responsive: ['xxl'],
      render: (_, u) => formatInstant(u.updatedAt),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, u: User) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => list.edit(u)} data-testid={`user-edit-${u.username}`}>
                  {t('common.edit')}
                </Button>
                <Dropdown menu={{ items: moreItems(u), onClick: ({ key }) => onMore(u, key) }} trigger={['click']}>
                  <Button type="link" size="small" data-testid={`user-more-${u.username}`}>
                    {t('common.more')} <DownOutlined />
                  </Button>
                </Dropdown>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <ListPage<User, Filters>
      list={list}
      testId="users"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(u) => u.id}
      defaultSort={{ sort: 'username', order: 'asc' }}
      searchPlaceholder={t('org.user.searchPlaceholder')}
      toolbar={
        <>
          <Select<Role>
            allowClear
            placeholder={t('org.filters.role')}
            options={roleOptions(locale)}
            value={list.filters.role}
            onChange={(role) => list.setFilters((f) => ({ ...f, role }))}
            style={{ width: 150 }}
            data-testid="users-filter-role"
          />
          <UnitSelect
            placeholder={t('org.filters.unit')}
            value={list.filters.unitId}
            onChange={(unitId) => list.setFilters((f) => ({ ...f, unitId: unitId ?? undefined }))}
            style={{ width: 200 }}
            data-testid="users-filter-unit"
          />
          <BooleanSelect
            placeholder={t('org.filters.status')}
            trueLabel={t('org.user.active')}
            falseLabel={t('org.user.inactive')}
            value={list.filters.active}
            onChange={(active) => list.setFilters((f) => ({ ...f, active }))}
            data-testid="users-filter-active"
          />
        </>
      }
      exportPath="/api/exports/users.xlsx"
      createLabel={canManage ? t('org.user.create') : undefined}
    >
      <UserFormModal target={list.target} onClose={list.close} onSaved={() => list.saved()} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </ListPage>
  );
}
