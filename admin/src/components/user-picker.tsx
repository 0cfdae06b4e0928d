import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, call } from '../api/client';
import type { DirectoryUser, RoleCode } from '../types/contract';

type Props = {
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  role?: RoleCode;
  orgId?: string;
  placeholder?: string;
  id?: string;
  disabled?: boolean;
  /** People who may not be picked (e.g. the signed-in user for 转办). */
  exclude?: string[];
};

function describe(u: DirectoryUser, roleName: (r: RoleCode) => string): string {
  const grant = u.roles[0];
  return grant ? `${u.displayName}（${roleName(grant.role)} · ${grant.orgName}）` : u.displayName;
}

/**
 * 人员选择: searches the user directory (GET /api/users?q&role) as one types. When the directory cannot
 * be reached the field still works: user ids may be typed, and a line under it says why.
 */
export function UserPicker({ value, onChange, multiple, role, orgId, placeholder, id, disabled, exclude = [] }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const known = useRef(new Map<string, string>());
  const roleName = (r: RoleCode) => t(`roles.${r}`);
  const query = useQuery({
    queryKey: ['user-picker', role ?? '', orgId ?? '', q],
    queryFn: () => call(api.GET('/api/users', { params: { query: { q: q || undefined, role, orgId, limit: 20 } } })),
    staleTime: 30_000,
    retry: false,
  });
  const options = useMemo(() => {
    const rows = (query.data?.items ?? []).filter((u) => !u.disabled && !exclude.includes(u.id));
    for (const u of rows) known.current.set(u.id, describe(u, roleName));
    const selected = (Array.isArray(value) ? value : value ? [value] : []).filter((v) => !rows.some((u) => u.id === v));
    return [
      ...rows.map((u) => ({ value: u.id, label: describe(u, roleName) })),
      ...selected.map((v) => ({ value: v, label: known.current.get(v) ?? v })),
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query.data, value, exclude.join(',')]);
  const offline = query.isError;
  return (
    <>
      <Select
        id={id}
        data-testid="user-picker"
        disabled={disabled}
        value={!multiple && offline && typeof value === 'string' ? [value] : value}
        onChange={(v: string | string[] | undefined) => onChange?.(!multiple && Array.isArray(v) ? v[v.length - 1] : v)}
        mode={multiple ? (offline ? 'tags' : 'multiple') : offline ? 'tags' : undefined}
        maxCount={!multiple && offline ? 1 : undefined}
        showSearch
        allowClear
        filterOption={false}
        onSearch={setQ}
        onBlur={() => setQ('')}
        loading={query.isFetching}
        options={options}
        placeholder={placeholder ?? t('people.pick')}
        notFoundContent={query.isFetching ? t('people.searching') : t('people.none')}
        style={{ width: '100%' }}
      />
      {offline && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('people.offline')}
        </Typography.Text>
      )}
    </>
  );
}
