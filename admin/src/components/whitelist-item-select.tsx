import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { publishedReference } from '../api/reference';

/** The published whitelist(s), fetched once for the select and for showing a stored code by its name. */
function useWhitelists() {
  return useQuery({
    queryKey: ['whitelist-items'],
    queryFn: () => publishedReference('whitelist'),
    retry: false,
    staleTime: 300_000,
  });
}

/** A stored 白名单事项 code as "法治进校园（FZ）"; the bare code where the whitelist is not readable or lacks it. */
export function WhitelistItemText({ code }: { code: unknown }) {
  const query = useWhitelists();
  if (typeof code !== 'string' || !code) return null;
  const item = (query.data ?? []).flatMap((w) => w.content.items).find((i) => i.code === code);
  return <>{item ? `${item.name}（${code}）` : code}</>;
}

/** 白名单事项: the items of the published whitelist(s), so a request names one that exists. */
export function WhitelistItemSelect({
  id,
  value,
  onChange,
  disabled,
  placeholder,
}: {
  id?: string;
  value?: string;
  onChange?: (v: unknown) => void;
  disabled?: boolean;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const query = useWhitelists();
  const options = (query.data ?? [])
    .flatMap((w) => w.content.items)
    .map((i) => ({ value: i.code, label: `${i.name}（${i.code}${i.leadUnit ? ` · ${i.leadUnit}` : ''}）` }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      disabled={disabled}
      showSearch
      allowClear
      optionFilterProp="label"
      loading={query.isLoading}
      options={options}
      // Without a reachable whitelist the code can still be typed; the API checks it either way.
      mode={query.isError ? 'tags' : undefined}
      placeholder={placeholder ?? t('people.pickWhitelistItem')}
      style={{ width: '100%' }}
    />
  );
}
