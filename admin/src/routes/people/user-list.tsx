import { PlusOutlined, SearchOutlined, SwapOutlined, UploadOutlined } from '@ant-design/icons';
import { getDefaultSortOrder, List } from '@refinedev/antd';
import { Button, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { EmptyState } from '../../components/empty-state';
import { ErrorResult } from '../../components/error-result';
import { ExportButton } from '../../components/export-button';
import { ImportModal } from '../../components/import-modal';
import { useCan } from '../../hooks/use-can';
import { toFilters, useKeysetTable } from '../../hooks/use-keyset-table';
import { accountRights, canCreateAccount, holdsPower } from '../../lib/powers';
import { cachedSession } from '../../providers/session';
import type { DirectoryUser, RoleCode } from '../../types/contract';
import { ReassignModal } from './reassign-modal';
import { ROLES } from './role-grants-field';
import { UserFormModal } from './user-form-modal';

type Filters = { q?: string; role?: RoleCode };

/**
 * 用户与角色: the directory, searchable by name and role. The bureau admin creates, edits and imports
 * ordinary accounts; the security admin grants roles and keeps the privileged accounts (三权分立) —
 * each row offers what the signed-in user may do there, and says why not otherwise.
 */
export function UserList() {
  const { t } = useTranslation();
  const canManage = useCan('update', 'User');
  const canCreate = useCan('create', 'User');
  const canReassign = useCan('update', 'Instance');
  const session = cachedSession();
  const canImport = session ? canCreateAccount(session.ability, false) : false;
  const rightsOf = (u: DirectoryUser) => (session ? accountRights(session.ability, session.me.user.id, u) : null);
  const [editing, setEditing] = useState<DirectoryUser | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [reassignFrom, setReassignFrom] = useState<string | undefined>();
  const [reassignOpen, setReassignOpen] = useState(false);
  const { tableProps, tableQuery, pager, searchFormProps, filters, sorters } = useKeysetTable<DirectoryUser, Filters>({
    resource: 'users',
    filters: { defaultBehavior: 'replace' },
    sorters: { initial: [{ field: 'username', order: 'asc' }] },
    onSearch: (v) => toFilters(v),
  });
  const query = Object.fromEntries(filters.flatMap((f) => ('field' in f ? [[f.field, String(f.value)]] : [])));
  if (tableQuery.isError && !tableQuery.data)
    return <ErrorResult error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />;
  return (
    <List
      title={t('users.users')}
      breadcrumb={false}
      headerButtons={
        <Space wrap>
          <ExportButton list="users" query={query} fileName={t('users.users')} />
          {canImport && (
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
              {t('imports.button')}
            </Button>
          )}
          {canReassign && canManage && (
            <Button
              icon={<SwapOutlined />}
              onClick={() => {
                setReassignFrom(undefined);
                setReassignOpen(true);
              }}
            >
              {t('bulk.reassignTitle')}
            </Button>
          )}
          {canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              {t('people.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Form<Filters> layout="inline" {...searchFormProps} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="q" label={t('people.search')}>
          <Input allowClear placeholder={t('people.searchList')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="role" label={t('people.role')}>
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('common.all')}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
      </Form>
      <Table<DirectoryUser>
        {...tableProps}
        rowKey="id"
        data-testid="user-table"
        locale={{ emptyText: <EmptyState description={t('people.empty')} /> }}
        columns={[
          // Sortable where GET /users?sort= is (displayName, username); roles and status are not columns there.
          {
            key: 'displayName',
            dataIndex: 'displayName',
            sorter: true,
            sortOrder: getDefaultSortOrder('displayName', sorters),
            title: t('people.displayName'),
            render: (_, u) => <Typography.Text strong>{u.displayName}</Typography.Text>,
          },
          {
            key: 'username',
            dataIndex: 'username',
            sorter: true,
            sortOrder: getDefaultSortOrder('username', sorters),
            title: t('people.username'),
          },
          {
            key: 'roles',
            title: t('people.roles'),
            render: (_, u) => (
              <Space size={[4, 4]} wrap>
                {u.roles.map((r) => (
                  <Tag key={`${r.role}-${r.orgId}`} color="blue" bordered={false}>
                    {t(`roles.${r.role}`)} · {r.orgName}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'status',
            title: t('fields.status'),
            render: (_, u) => (
              <Space size={4} wrap>
                {u.disabled ? <Tag>{t('people.disabled')}</Tag> : <Tag color="green">{t('people.active')}</Tag>}
                {/* The three powers sign in with two factors: whether the authenticator is set up. */}
                {holdsPower(u.roles) &&
                  (u.twoFactor ? (
                    <Tag color="blue">{t('powers.twoFactorOn')}</Tag>
                  ) : (
                    <Tag color="orange">{t('powers.twoFactorOff')}</Tag>
                  ))}
              </Space>
            ),
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('people.actions'),
                  render: (_: unknown, u: DirectoryUser) => {
                    const rights = rightsOf(u);
                    const editable = rights ? rights.editAccount || ROLES.some((r) => rights.grant(r)) : false;
                    const why = rights?.accountReason ? t(rights.accountReason.key) : undefined;
                    return (
                      <Space>
                        <Tooltip title={editable ? undefined : why}>
                          <Button
                            size="small"
                            type="link"
                            disabled={!editable}
                            onClick={() => {
                              setEditing(u);
                              setFormOpen(true);
                            }}
                            data-testid={`edit-${u.username}`}
                          >
                            {t('people.editShort')}
                          </Button>
                        </Tooltip>
                        {canReassign && (
                          <Button
                            size="small"
                            type="link"
                            onClick={() => {
                              setReassignFrom(u.id);
                              setReassignOpen(true);
                            }}
                          >
                            {t('bulk.reassign')}
                          </Button>
                        )}
                      </Space>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      {pager}
      <UserFormModal
        open={formOpen}
        user={editing}
        onClose={() => setFormOpen(false)}
        onSaved={() => void tableQuery.refetch()}
      />
      <ImportModal
        kind="users"
        open={importOpen}
        onClose={() => setImportOpen(false)}
        onImported={() => void tableQuery.refetch()}
      />
      <ReassignModal open={reassignOpen} fromUserId={reassignFrom} onClose={() => setReassignOpen(false)} />
    </List>
  );
}
