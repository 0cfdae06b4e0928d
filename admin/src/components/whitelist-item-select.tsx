import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http } from '../providers/http';

type Whitelist = { content: { items?: Array<{ code: string; name: string; leadUnit?: string }> } };

/** 白名单事项: the items of the published whitelist(s), so a request names one that exists. */
export function WhitelistItemSelect({ id, value, onChange, disabled, placeholder }: { id?: string; value?: string; onChange?: (v: unknown) => void; disabled?: boolean; placeholder?: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['whitelist-items'],
    queryFn: () => http<{ items: Whitelist[] }>('/reference/whitelists', { query: { status: 'published' } }),
    retry: false,
    staleTime: 300_000,
  });
  const options = (query.data?.items ?? []).flatMap((w) => w.content.items ?? []).map((i) => ({ value: i.code, label: `${i.name}（${i.code}${i.leadUnit ? ` · ${i.leadUnit}` : ''}）` }));
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
