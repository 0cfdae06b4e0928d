import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { useOrgOptions } from '../hooks/use-reference-data';

type Props = {
  id?: string;
  value?: string | string[];
  onChange?: (v: unknown) => void;
  multiple?: boolean;
  disabled?: boolean;
  placeholder?: string;
};

/** Schools from the organisation tree, searchable by name — for form fields that hold school ids. */
export function OrgSelect({ id, value, onChange, multiple, disabled, placeholder }: Props) {
  const { t } = useTranslation();
  const orgs = useOrgOptions('school');
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      mode={multiple ? 'multiple' : undefined}
      disabled={disabled}
      showSearch
      allowClear
      optionFilterProp="label"
      loading={orgs.loading}
      options={orgs.options}
      placeholder={placeholder ?? t('people.pickSchools')}
      style={{ width: '100%' }}
    />
  );
}
